"use client";

import { memo, useMemo, type Ref } from "react";
import { segmentText } from "@/domain/segments";
import type { TextLabel, TextSpan } from "./types";

type AnnotatedTextProps = {
  text: string;
  spans: TextSpan[];
  labelsById: Map<number, TextLabel>;
  activeSpanId: number | null;
  onSpanClick: (span: TextSpan, anchor: DOMRect) => void;
  onMouseUp: () => void;
  containerRef: Ref<HTMLDivElement>;
};

/**
 * The document text with its spans painted in their labels' colours. Text is only ever rendered
 * as React text nodes, never as HTML.
 */
export const AnnotatedText = memo(function AnnotatedText({
  text,
  spans,
  labelsById,
  activeSpanId,
  onSpanClick,
  onMouseUp,
  containerRef,
}: AnnotatedTextProps) {
  const segments = useMemo(() => segmentText(text.length, spans), [text.length, spans]);
  return (
    <div
      ref={containerRef}
      data-testid="document-text"
      onMouseUp={onMouseUp}
      className="whitespace-pre-wrap break-words font-serif text-lg leading-9"
    >
      {segments.map((segment) => {
        const piece = text.slice(segment.start, segment.end);
        const top = segment.spans[0];
        const label = top && labelsById.get(top.labelId);
        if (!top || !label) return <span key={segment.start}>{piece}</span>;
        return (
          <mark
            key={segment.start}
            data-span-id={top.id}
            data-label={label.name}
            title={label.name}
            onClick={(event) => onSpanClick(top, event.currentTarget.getBoundingClientRect())}
            style={{ backgroundColor: label.color }}
            className={`cursor-pointer rounded-sm px-px text-zinc-950 ${
              top.id === activeSpanId ? "outline-2 outline-blue-700" : ""
            }`}
          >
            {piece}
          </mark>
        );
      })}
    </div>
  );
});
