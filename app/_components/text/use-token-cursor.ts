"use client";

import { useCallback, useState } from "react";
import { tokenAt, tokenBefore, tokenFrom } from "@/domain/token-boundaries";
import { domRangeOf, offsetAtPoint } from "./selection";
import type { TextRange } from "./types";

/** A keyboard selection of whole tokens: the token it started on and the one it reaches. */
export type TokenCursor = { anchor: TextRange; focus: TextRange };

export function cursorRange(cursor: TokenCursor): TextRange {
  return {
    start: Math.min(cursor.anchor.start, cursor.focus.start),
    end: Math.max(cursor.anchor.end, cursor.focus.end),
  };
}

/** The keys that move the cursor, and where. */
export const arrowKeys = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
} as const;

type Direction = (typeof arrowKeys)[keyof typeof arrowKeys];

/**
 * Moves the cursor token by token (left, right) or line by line (up, down); with `extend` the
 * anchor stays put and the selection grows or shrinks. Without a cursor, the first move starts
 * from `origin`: the focused span or selection, else the top of what is in view.
 */
export function useTokenCursor(text: string) {
  const [cursor, setCursor] = useState<TokenCursor | null>(null);

  const move = useCallback(
    (
      direction: Direction,
      extend: boolean,
      origin: TextRange,
      pane: HTMLElement | null,
    ): TextRange | null => {
      const from = cursor?.focus ?? null;
      let next: TextRange | null;
      const vertical = direction === "up" || direction === "down";
      if (!from && vertical && origin.start < origin.end) {
        next = tokenOnNextLine(text, origin, direction, pane);
      } else if (!from) {
        next = startingToken(text, origin, direction === "right" || direction === "down");
      } else if (direction === "left") next = tokenBefore(text, from.start);
      else if (direction === "right") next = tokenFrom(text, from.end);
      else next = tokenOnNextLine(text, from, direction, pane);
      if (!next) return null;
      const token = { start: next.start, end: next.end };
      setCursor(
        extend && cursor
          ? { anchor: cursor.anchor, focus: token }
          : { anchor: token, focus: token },
      );
      return token;
    },
    [cursor, text],
  );

  return { cursor, setCursor, move };
}

/**
 * Where a cursor appears: on the first token at or after a point (the top of the view), or on
 * the token beside a span or selection in the direction of the move.
 */
function startingToken(text: string, origin: TextRange, forward: boolean): TextRange | null {
  if (origin.start === origin.end) {
    return tokenFrom(text, origin.start) ?? tokenBefore(text, origin.start);
  }
  return forward ? tokenFrom(text, origin.end) : tokenBefore(text, origin.start);
}

/** The token above or below `from` on screen, found where the text is laid out. */
function tokenOnNextLine(
  text: string,
  from: TextRange,
  direction: "up" | "down",
  pane: HTMLElement | null,
): TextRange | null {
  const sideways = () =>
    direction === "up" ? tokenBefore(text, from.start) : tokenFrom(text, from.end);
  const range = pane && domRangeOf(pane, from);
  if (!pane || !range) return sideways();
  const rects = range.getClientRects();
  const rect =
    (direction === "up" ? rects[0] : rects[rects.length - 1]) ?? range.getBoundingClientRect();
  const step = rect.height;
  const view = pane.getBoundingClientRect();
  let y = direction === "up" ? rect.top - step / 2 : rect.bottom + step / 2;
  // The line to go to may be just out of view: scroll it in before looking at it.
  if (y < view.top || y > view.bottom) {
    const shift = y < view.top ? y - view.top - step : y - view.bottom + step;
    pane.scrollTop += shift;
    y -= shift;
  }
  const offset = offsetAtPoint(pane, rect.left + 1, y);
  if (offset === null) return sideways();
  const token = tokenAt(text, offset) ?? tokenBefore(text, offset) ?? tokenFrom(text, offset);
  if (!token || token.start === from.start) return sideways();
  return token;
}
