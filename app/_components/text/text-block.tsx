"use client";

import { memo, useMemo, type CSSProperties, type ReactNode } from "react";
import { segmentText } from "@/domain/segments";
import { spanKey } from "@/domain/span-edits";
import { assignLanes } from "@/domain/span-lanes";
import { arcLevelHeight } from "./relation-layout";
import { isDiscontinuous, ownerKey, quoteSpan, type FragmentPiece } from "./fragment-pieces";
import { detailMarkers } from "./span-detail-marker";
import type { TextLabel, TextRange, TextSpan } from "./types";

export type SpanClick = (span: TextSpan, anchor: DOMRect, covering: readonly TextSpan[]) => void;

type TextBlockProps = {
  text: string;
  start: number;
  end: number;
  /** The spans touching this block, in document offsets; a discontinuous span's further pieces too. */
  spans: readonly FragmentPiece<TextSpan>[];
  labelsById: ReadonlyMap<number, TextLabel>;
  /** Set only on the block(s) it concerns, so the others need not render again. */
  focusedKey: string | null;
  cursor: TextRange | null;
  matches: readonly TextRange[];
  currentMatch: TextRange | null;
  onSpanClick: SpanClick;
  /** Levels of relation arcs drawn above this block's lines, which need room between lines. */
  arcLevels?: number;
};

type Piece = TextRange & { span?: FragmentPiece<TextSpan>; mark?: "cursor" | "match" | "current" };

const laneHeight = 4;
const stripeHeight = 3;

/**
 * One block of the document with its spans painted. A span that overlaps another gets a stripe
 * in its own lane under the text and a tag with its label name where it starts, so nested and
 * crossing spans all stay visible and clickable; the innermost span colours the text itself.
 */
export const TextBlock = memo(function TextBlock(props: TextBlockProps) {
  const { text, start, end, spans, labelsById, focusedKey, onSpanClick } = props;
  const lanes = useMemo(() => assignLanes(spans), [spans]);
  const laneCount = lanes.size > 0 ? Math.max(...lanes.values()) + 1 : 0;
  const pieces = useMemo(() => {
    const clip = (range: TextRange) => ({
      start: Math.max(range.start, start) - start,
      end: Math.min(range.end, end) - start,
    });
    const items: Piece[] = spans
      .filter((span) => labelsById.has(span.labelId))
      .map((span) => ({ start: span.start, end: span.end, span }));
    const marks: Piece[] = [
      ...props.matches.map((match) => ({ ...match, mark: "match" as const })),
      ...(props.currentMatch ? [{ ...props.currentMatch, mark: "current" as const }] : []),
      ...(props.cursor ? [{ ...props.cursor, mark: "cursor" as const }] : []),
    ];
    const clipped = [...items, ...marks].map((piece) => ({ ...piece, ...clip(piece) }));
    return segmentText(
      end - start,
      clipped.filter((piece) => piece.start < piece.end),
    );
  }, [start, end, spans, labelsById, props.matches, props.currentMatch, props.cursor]);

  const children: ReactNode[] = [];
  for (const segment of pieces) {
    const offset = start + segment.start;
    const piece = text.slice(offset, start + segment.end);
    const covering = segment.spans.flatMap((item) => (item.span ? [item.span] : []));
    const marks = new Set(segment.spans.flatMap((item) => (item.mark ? [item.mark] : [])));
    // Search matches are underlined, never filled, so that they cannot pass for a label's span.
    const markClass = [
      marks.has("cursor") ? "outline-2 outline-dashed outline-focus" : "",
      marks.has("current") ? "search-match search-match-current" : "",
      marks.has("match") && !marks.has("current") ? "search-match" : "",
    ].join(" ");
    const top = covering[0];
    const label = top && labelsById.get(top.labelId);
    if (!top || !label) {
      children.push(
        marks.size > 0 ? (
          <span
            key={offset}
            data-offset={offset}
            data-cursor={marks.has("cursor") || undefined}
            data-match={marks.has("match") || undefined}
            className={markClass}
          >
            {piece}
          </span>
        ) : (
          piece
        ),
      );
      continue;
    }
    const stacked = covering.filter((span) => lanes.has(span));
    // One tag for a discontinuous span, on its first piece.
    const starting = stacked.filter(
      (candidate) => candidate.start === offset && !candidate.fragmentOf,
    );
    // Outer spans' tags first, so nested tags read in the order the spans nest.
    starting.sort((a, b) => b.end - a.end);
    for (const span of starting) {
      const spanLabel = labelsById.get(span.labelId);
      children.push(
        <span
          key={`chip-${spanKey(span)}`}
          aria-hidden="true"
          data-chip-for={spanKey(span)}
          data-label={spanLabel?.name}
          onClick={(event) =>
            onSpanClick(span, event.currentTarget.getBoundingClientRect(), [span])
          }
          style={{ backgroundColor: spanLabel?.color }}
          className="me-0.5 inline-block cursor-pointer rounded-sm px-0.5 align-top font-sans text-[0.625rem] leading-tight text-zinc-950 select-none after:content-[attr(data-label)]"
        />,
      );
    }
    const focused = covering.some((span) => ownerKey(span) === focusedKey);
    const linked = isDiscontinuous(top) || top.fragmentOf !== undefined;
    const saveState = covering.find((span) => span.saveState)?.saveState;
    children.push(
      <mark
        key={offset}
        data-offset={offset}
        data-span-id={top.id}
        data-label={label.name}
        data-focused={focused || undefined}
        data-cursor={marks.has("cursor") || undefined}
        data-match={marks.has("match") || undefined}
        data-save-state={saveState}
        data-entity-of={linked ? ownerKey(top) : undefined}
        title={covering
          .map((span) => {
            const name = labelsById.get(span.labelId)?.name;
            const owner = span.fragmentOf ?? span;
            return isDiscontinuous(owner) ? `${name} ${quoteSpan(text, owner)}` : name;
          })
          .join(", ")}
        onClick={(event) => onSpanClick(top, event.currentTarget.getBoundingClientRect(), covering)}
        style={paint(label.color, stacked, lanes, laneCount, labelsById)}
        className={`cursor-pointer rounded-sm text-zinc-950 ${markClass} ${
          focused ? "outline-2 outline-offset-1 outline-focus" : ""
        } ${saveState === "saving" ? "opacity-70" : ""} ${
          saveState === "failed" ? "ring-2 ring-red-600" : ""
        } ${linked ? "underline decoration-zinc-700 decoration-dotted underline-offset-4" : ""}`}
      >
        {piece}
      </mark>,
      ...detailMarkers(covering, start + segment.end),
    );
  }

  return (
    <div
      data-block-start={start}
      data-block-end={end}
      style={lineRoom(laneCount > 1 ? laneCount : 0, props.arcLevels ?? 0)}
    >
      {children}
    </div>
  );
}, sameBlock);

/** Taller lines for stacked spans' lanes and for relation arcs above the text. */
function lineRoom(lanes: number, arcLevels: number): CSSProperties | undefined {
  if (lanes === 0 && arcLevels === 0) return undefined;
  const arcs = arcLevels * arcLevelHeight;
  return { lineHeight: `${36 + lanes * laneHeight + arcs}px`, paddingTop: arcs / 2 };
}

/** The innermost span's colour behind the text, and a stripe per stacked span in its lane below. */
function paint(
  color: string,
  stacked: readonly TextSpan[],
  lanes: ReadonlyMap<TextSpan, number>,
  laneCount: number,
  labelsById: ReadonlyMap<number, TextLabel>,
): CSSProperties {
  if (laneCount === 0) return { backgroundColor: color };
  const room = laneCount * laneHeight;
  const stripes = stacked.map((span) => {
    const stripe = labelsById.get(span.labelId)?.color ?? color;
    const bottom = (lanes.get(span) ?? 0) * laneHeight;
    return `linear-gradient(${stripe}, ${stripe}) left 0 bottom ${bottom}px / 100% ${stripeHeight}px no-repeat`;
  });
  return {
    background: [
      ...stripes,
      `linear-gradient(${color}, ${color}) left top / 100% calc(100% - ${room}px) no-repeat`,
    ].join(", "),
    paddingBottom: room,
  };
}

function sameBlock(a: TextBlockProps, b: TextBlockProps): boolean {
  return (
    a.text === b.text &&
    a.start === b.start &&
    a.end === b.end &&
    a.labelsById === b.labelsById &&
    a.onSpanClick === b.onSpanClick &&
    a.focusedKey === b.focusedKey &&
    a.arcLevels === b.arcLevels &&
    sameRange(a.cursor, b.cursor) &&
    sameRange(a.currentMatch, b.currentMatch) &&
    sameItems(a.spans, b.spans) &&
    sameItems(a.matches, b.matches)
  );
}

function sameRange(a: TextRange | null, b: TextRange | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
