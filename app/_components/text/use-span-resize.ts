"use client";

import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import type { TextDirection } from "@/domain/text-direction";
import { offsetAtPoint } from "./selection";
import { dragEdgeTo, moveEdgeByToken, type SpanEdge } from "./span-detail-resize";
import type { TextRange, TextSpan } from "./types";

/**
 * Alt+Shift+←/→ moves the focused span's end by a token, Ctrl+Alt+Shift+←/→ its start: the arrow
 * says which way the edge goes on screen, so in right-to-left text → moves towards the start.
 * Listened to before the page's other keys, which leave Alt alone.
 */
export function useResizeKeys(options: {
  enabled: boolean;
  text: string;
  lang: string;
  dir: TextDirection;
  span: TextSpan | undefined;
  onResize: (span: TextSpan, range: TextRange) => void;
}) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const { enabled, text, lang, dir, span, onResize } = latest.current;
      if (!enabled || !span || !event.altKey || !event.shiftKey || event.metaKey) return;
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      event.preventDefault();
      event.stopPropagation();
      const edge: SpanEdge = event.ctrlKey ? "start" : "end";
      const later = (event.key === "ArrowRight") === (dir !== "rtl");
      const outward = edge === "end" ? later : !later;
      const range = moveEdgeByToken(text, span, edge, outward, lang);
      if (range) onResize(span, range);
    }
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, []);
}

/**
 * Dragging one edge of a span with the pointer: the span's range as it would be while the drag
 * lasts (the edge follows the pointer, widened to whole words when `snap`), resized on release.
 */
export function useEdgeDrag(options: {
  text: string;
  lang: string;
  snap: boolean;
  span: TextRange;
  pane: () => HTMLElement | null;
  onResize: (range: TextRange) => void;
}) {
  const [dragged, setDragged] = useState<TextRange | null>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const start = (edge: SpanEdge, event: ReactPointerEvent) => {
    if (event.button !== 0) return;
    // No text selection starts under the pointer: the drag is the edge's.
    event.preventDefault();
    const from = latest.current.span;
    let range: TextRange = from;
    setDragged(range);
    const onMove = (move: PointerEvent) => {
      const { text, lang, snap, pane } = latest.current;
      const container = pane();
      const offset = container && offsetAtPoint(container, move.clientX, move.clientY);
      if (typeof offset !== "number") return;
      const next = dragEdgeTo(text, from, edge, offset, snap, lang);
      if (!next || (next.start === range.start && next.end === range.end)) return;
      range = next;
      setDragged(next);
    };
    const onUp = () => {
      document.removeEventListener("pointermove", onMove);
      document.removeEventListener("pointerup", onUp);
      setDragged(null);
      // A drag that strayed over the text may have selected some: it was never meant to.
      window.getSelection()?.removeAllRanges();
      if (range.start !== from.start || range.end !== from.end) latest.current.onResize(range);
    };
    document.addEventListener("pointermove", onMove);
    document.addEventListener("pointerup", onUp);
  };

  return { dragged, start };
}
