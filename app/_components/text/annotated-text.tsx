"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import {
  useImperativeHandle,
  useMemo,
  useRef,
  type KeyboardEventHandler,
  type MouseEventHandler,
  type ReactNode,
  type Ref,
} from "react";
import { findBlockIndex, type TextBlock as BlockRange } from "@/domain/text-blocks";
import type { TextDirection } from "@/domain/text-direction";
import { levelsOf } from "./relation-layout";
import { BlockRelations, type RelationDrawing } from "./relation-overlay";
import { ownerKey } from "./fragment-pieces";
import { domRangeOf, offsetAtPoint, scrollBandIntoView } from "./selection";
import { TextBlock, type SpanClick } from "./text-block";
import type { TextLabel, TextRange, TextSpan } from "./types";

export type TextViewHandle = {
  /** Scrolls the text so that `range` is in view, bringing its block onto the page first. */
  reveal(range: TextRange): void;
  /** The offset of the first character in view, where a keyboard cursor starts. */
  firstVisibleOffset(): number;
  element(): HTMLDivElement | null;
};

type AnnotatedTextProps = {
  text: string;
  blocks: readonly BlockRange[];
  spansByBlock: readonly (readonly TextSpan[])[];
  matchesByBlock: readonly (readonly TextRange[])[];
  labelsById: ReadonlyMap<number, TextLabel>;
  focusedKey: string | null;
  cursor: TextRange | null;
  currentMatch: TextRange | null;
  onSpanClick: SpanClick;
  /** The layer's relations, drawn over the blocks in view. */
  relations?: RelationDrawing;
  onMouseUp: MouseEventHandler<HTMLDivElement>;
  onKeyDown: KeyboardEventHandler<HTMLDivElement>;
  describedBy?: string;
  /** Drawn over the text, scrolling with it (the focused span's edge handles). */
  overlay?: ReactNode;
  /** The document's language ("" when unknown) and direction. */
  lang: string;
  dir: TextDirection;
  ref?: Ref<TextViewHandle>;
};

const lineHeight = 36;
const charactersPerLine = 80;
const noRanges: readonly TextRange[] = [];

/**
 * The document text with its spans, in blocks of whole lines of which only those in view (and a
 * few around) are on the page: a 200,000-character document costs what one screen of it costs.
 * It scrolls on its own, so the header, search and span list stay in view beside it. Text is only
 * ever rendered as React text nodes, never as HTML.
 */
export function AnnotatedText(props: AnnotatedTextProps) {
  const { text, blocks, spansByBlock, focusedKey, cursor, currentMatch } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const estimates = useMemo(
    () => blocks.map((block) => estimateHeight(text, block)),
    [text, blocks],
  );
  // The app does not use the React Compiler, whose memoization this warning is about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => estimates[index] ?? lineHeight,
    overscan: 2,
    initialRect: { width: 800, height: 700 },
  });

  useImperativeHandle(props.ref, () => ({
    reveal(range) {
      const pane = scrollRef.current;
      if (!pane) return;
      const attempt = (triesLeft: number) => {
        const rect = domRangeOf(pane, range)?.getBoundingClientRect();
        if (!rect) {
          virtualizer.scrollToIndex(findBlockIndex(blocks, range.start), { align: "center" });
          if (triesLeft > 0) requestAnimationFrame(() => attempt(triesLeft - 1));
          return;
        }
        scrollBandIntoView(pane, rect.top, rect.bottom, lineHeight);
      };
      attempt(5);
    },
    firstVisibleOffset() {
      const pane = scrollRef.current;
      const view = pane?.getBoundingClientRect();
      const offset = pane && view && offsetAtPoint(pane, view.left + 16, view.top + lineHeight / 2);
      if (typeof offset === "number") return offset;
      const first = virtualizer.getVirtualItems()[0];
      return first ? (blocks[first.index]?.start ?? 0) : 0;
    },
    element: () => scrollRef.current,
  }));

  return (
    <div
      ref={scrollRef}
      data-testid="document-text"
      tabIndex={0}
      role="region"
      aria-label="Document text"
      aria-describedby={props.describedBy}
      lang={props.lang}
      dir={props.dir}
      onMouseUp={props.onMouseUp}
      onKeyDown={props.onKeyDown}
      className="relative max-h-[70vh] min-h-32 overflow-y-auto focus:outline-2 focus:outline-offset-2 focus:outline-focus rounded border border-zinc-200 px-4 py-2 font-serif text-lg leading-9 break-words whitespace-pre-wrap dark:border-zinc-800"
    >
      <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const block = blocks[item.index];
          const spans = spansByBlock[item.index] ?? [];
          if (!block) return null;
          const touches = (range: TextRange | null) =>
            range && range.start < block.end && range.end > block.start ? range : null;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute top-0 left-0 w-full"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <TextBlock
                text={text}
                start={block.start}
                end={block.end}
                spans={spans}
                labelsById={props.labelsById}
                focusedKey={
                  focusedKey && spans.some((span) => ownerKey(span) === focusedKey)
                    ? focusedKey
                    : null
                }
                cursor={touches(cursor)}
                matches={props.matchesByBlock[item.index] ?? noRanges}
                currentMatch={touches(currentMatch)}
                onSpanClick={props.onSpanClick}
                arcLevels={levelsOf(props.relations?.arcsByBlock[item.index] ?? [])}
              />
              {props.relations && (
                <BlockRelations
                  drawing={props.relations}
                  index={item.index}
                  start={block.start}
                  end={block.end}
                  spans={spans}
                  dir={props.dir}
                />
              )}
            </div>
          );
        })}
        {props.overlay}
      </div>
    </div>
  );
}

/** A first guess of a block's height before it is measured: its lines, wrapped at ~80 characters. */
function estimateHeight(text: string, block: BlockRange): number {
  const lines = text.slice(block.start, block.end).replace(/\n$/, "").split("\n");
  const rows = lines.reduce(
    (sum, line) => sum + Math.max(1, Math.ceil(line.length / charactersPerLine)),
    0,
  );
  return rows * lineHeight;
}
