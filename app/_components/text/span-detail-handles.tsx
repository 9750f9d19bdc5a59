"use client";

import { useLayoutEffect, useRef, useState } from "react";
import type { TextDirection } from "@/domain/text-direction";
import { domRangeOf } from "./selection";
import type { SpanEdge } from "./span-detail-resize";
import type { TextRange } from "./types";
import { useEdgeDrag } from "./use-span-resize";

type Place = { left: number; top: number; height: number };

/**
 * Handles on the focused span's two edges, over the text: drag one to move that edge. While
 * dragging, the handles show where the span will reach. Drawn in the text's scrolling content,
 * so they scroll with it; the keyboard has its own keys for the same (see useResizeKeys).
 */
export function SpanDetailHandles(props: {
  span: TextRange;
  text: string;
  lang: string;
  dir: TextDirection;
  snap: boolean;
  pane: () => HTMLElement | null;
  onResize: (range: TextRange) => void;
}) {
  const { span, pane, dir } = props;
  const boxRef = useRef<HTMLDivElement>(null);
  const { dragged, start } = useEdgeDrag(props);
  const range = dragged ?? span;
  const [places, setPlaces] = useState<Record<SpanEdge, Place> | null>(null);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => {
      const container = pane();
      const rects = container ? domRangeOf(container, range)?.getClientRects() : undefined;
      const first = rects?.[0];
      const last = rects?.[rects.length - 1];
      if (!first || !last) return setPlaces(null);
      const origin = box.getBoundingClientRect();
      const at = (rect: DOMRect, side: "left" | "right") => ({
        left: rect[side] - origin.left,
        top: rect.top - origin.top,
        height: rect.height,
      });
      const rtl = dir === "rtl";
      setPlaces({
        start: at(first, rtl ? "right" : "left"),
        end: at(last, rtl ? "left" : "right"),
      });
    };
    measure();
    // The blocks around settle their heights after they are drawn, moving the text under us.
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [range, pane, dir]);

  return (
    <div ref={boxRef} aria-hidden="true" className="pointer-events-none absolute inset-0">
      {places &&
        (["start", "end"] as const).map((edge) => (
          <span
            key={edge}
            data-testid={`resize-handle-${edge}`}
            title={`Drag to move the span's ${edge}`}
            onPointerDown={(event) => start(edge, event)}
            style={{
              left: places[edge].left - 3,
              top: places[edge].top,
              height: places[edge].height,
            }}
            className={`absolute w-1.5 cursor-ew-resize rounded bg-focus opacity-80 select-none ${
              dragged ? "pointer-events-none" : "pointer-events-auto"
            }`}
          />
        ))}
    </div>
  );
}
