"use client";

import type { Ref } from "react";

/** The line that follows the pointer while a relation is dragged; hidden the rest of the time. */
export function RelationRubberBand({ lineRef }: { lineRef: Ref<SVGLineElement> }) {
  return (
    <svg
      aria-hidden="true"
      data-testid="relation-rubber-band"
      className="pointer-events-none fixed inset-0 z-30 hidden h-full w-full data-dragging:block"
    >
      <line ref={lineRef} className="stroke-focus" strokeWidth={2} strokeDasharray="5 4" />
    </svg>
  );
}
