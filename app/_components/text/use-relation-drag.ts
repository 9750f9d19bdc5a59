"use client";

import { useEffect, useRef } from "react";
import { useLatestCallback } from "../use-latest-callback";
import { offsetAtPoint } from "./selection";
import type { TextSpan } from "./types";

type Options = {
  enabled: boolean;
  pane: () => HTMLElement | null;
  spans: readonly TextSpan[];
  /** Drags start on the focused span: a drag from any other place still selects text to tag. */
  focusedSpan: TextSpan | undefined;
  onDrop: (source: TextSpan, target: TextSpan, anchor: DOMRect) => void;
};

/** How far the pointer moves before a press on the focused span becomes a drag. */
const threshold = 4;

/**
 * Relating by mouse: press on the focused span, drag to another span (a rubber-band line follows
 * the pointer), let go on it. The line is moved by hand rather than by rendering, so dragging
 * over a long text costs no React work. Returns the ref for the line's element.
 */
export function useRelationDrag(options: Options) {
  const lineRef = useRef<SVGLineElement>(null);
  const drag = useRef<{ source: TextSpan; x: number; y: number; moved: boolean } | null>(null);

  const spanAt = (x: number, y: number): TextSpan | undefined => {
    const mark = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-span-id]");
    const id = Number(mark?.dataset.spanId);
    return options.spans.find((span) => span.id === id);
  };

  const onPointerDown = useLatestCallback((event: PointerEvent) => {
    const { focusedSpan, enabled } = options;
    const pane = options.pane();
    if (!enabled || !focusedSpan || !pane || event.button !== 0 || event.shiftKey) return;
    const offset = offsetAtPoint(pane, event.clientX, event.clientY);
    if (offset === null || offset < focusedSpan.start || offset >= focusedSpan.end) return;
    drag.current = { source: focusedSpan, x: event.clientX, y: event.clientY, moved: false };
  });

  const onPointerMove = useLatestCallback((event: PointerEvent) => {
    const current = drag.current;
    const line = lineRef.current;
    if (!current || !line) return;
    if (!current.moved) {
      if (Math.hypot(event.clientX - current.x, event.clientY - current.y) < threshold) return;
      current.moved = true;
      window.getSelection()?.removeAllRanges();
      line.parentElement?.setAttribute("data-dragging", "true");
    }
    event.preventDefault();
    line.setAttribute("x1", String(current.x));
    line.setAttribute("y1", String(current.y));
    line.setAttribute("x2", String(event.clientX));
    line.setAttribute("y2", String(event.clientY));
  });

  const onPointerUp = useLatestCallback((event: PointerEvent) => {
    const current = drag.current;
    drag.current = null;
    lineRef.current?.parentElement?.removeAttribute("data-dragging");
    if (!current?.moved) return;
    window.getSelection()?.removeAllRanges();
    const target = spanAt(event.clientX, event.clientY);
    const mark = document.elementFromPoint(event.clientX, event.clientY);
    if (!target || target.id === current.source.id || !mark) return;
    options.onDrop(current.source, target, mark.getBoundingClientRect());
  });

  useEffect(() => {
    const pane = options.pane();
    if (!pane) return;
    // A drag that has begun is a relation, not a selection: the browser must not select text.
    const onSelectStart = (event: Event) => {
      if (drag.current) event.preventDefault();
    };
    pane.addEventListener("pointerdown", onPointerDown);
    pane.addEventListener("selectstart", onSelectStart);
    window.addEventListener("pointermove", onPointerMove);
    window.addEventListener("pointerup", onPointerUp);
    return () => {
      pane.removeEventListener("pointerdown", onPointerDown);
      pane.removeEventListener("selectstart", onSelectStart);
      window.removeEventListener("pointermove", onPointerMove);
      window.removeEventListener("pointerup", onPointerUp);
    };
    // The pane is there from the first render on and stays; the handlers are always the latest.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return lineRef;
}
