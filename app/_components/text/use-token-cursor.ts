"use client";

import { useCallback, useState } from "react";
import { tokenAt, tokenBefore, tokenFrom } from "@/domain/token-boundaries";
import type { TextDirection } from "@/domain/text-direction";
import { domRangeOf, offsetAtPoint, scrollBandIntoView } from "./selection";
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
 * from `origin`: the focused span or selection, else the top of what is in view. In right-to-left
 * text the token to the left is the next one: the arrows follow what is seen, not the offsets.
 * `lang` is the document's language, for the word boundaries of Chinese and Japanese.
 */
export function useTokenCursor(text: string, lang: string, dir: TextDirection) {
  const [cursor, setCursor] = useState<TokenCursor | null>(null);

  const move = useCallback(
    (
      direction: Direction,
      extend: boolean,
      origin: TextRange,
      pane: HTMLElement | null,
    ): TextRange | null => {
      const from = cursor?.focus ?? null;
      const vertical = direction === "up" || direction === "down";
      const forward = direction === "down" || direction === (dir === "rtl" ? "left" : "right");
      let next: TextRange | null;
      if (vertical && (from || origin.start < origin.end)) {
        next = tokenOnNextLine(text, from ?? origin, direction, pane, lang, dir);
      } else if (!from) next = startingToken(text, origin, forward, lang);
      else next = forward ? tokenFrom(text, from.end, lang) : tokenBefore(text, from.start, lang);
      if (!next) return null;
      const token = { start: next.start, end: next.end };
      setCursor(
        extend && cursor
          ? { anchor: cursor.anchor, focus: token }
          : { anchor: token, focus: token },
      );
      return token;
    },
    [cursor, text, lang, dir],
  );

  return { cursor, setCursor, move };
}

/**
 * Where a cursor appears: on the first token at or after a point (the top of the view), or on
 * the token beside a span or selection in the direction of the move.
 */
function startingToken(
  text: string,
  origin: TextRange,
  forward: boolean,
  lang: string,
): TextRange | null {
  if (origin.start === origin.end) {
    return tokenFrom(text, origin.start, lang) ?? tokenBefore(text, origin.start, lang);
  }
  return forward ? tokenFrom(text, origin.end, lang) : tokenBefore(text, origin.start, lang);
}

/** How many lines a move up or down looks through for one with a word, blank lines included. */
const linesSearched = 40;

/**
 * The token above or below `from` on screen, found where the text is laid out: on the nearest
 * line that has one, straight above or below where `from` starts (or the line's nearest end).
 * Blank lines are passed over rather than sending the cursor back to the end of the line it left.
 */
function tokenOnNextLine(
  text: string,
  from: TextRange,
  direction: "up" | "down",
  pane: HTMLElement | null,
  lang: string,
  dir: TextDirection,
): TextRange | null {
  const sideways = () =>
    direction === "up" ? tokenBefore(text, from.start, lang) : tokenFrom(text, from.end, lang);
  const range = pane && domRangeOf(pane, from);
  if (!pane || !range) return sideways();
  const rects = range.getClientRects();
  const rect =
    (direction === "up" ? rects[0] : rects[rects.length - 1]) ?? range.getBoundingClientRect();
  const pitch = linePitch(range.startContainer, rect.height);
  const step = direction === "up" ? -pitch : pitch;
  const x = dir === "rtl" ? rect.right - 1 : rect.left + 1;
  // The middle of each line in turn: a blank line has no word there, and the words of the
  // lines either side are a whole line away from it.
  let y = (rect.top + rect.bottom) / 2 + step;
  for (let line = 0; line < linesSearched; line++, y += step) {
    // The line to look at may be out of view, where nothing can be found under a point.
    y -= scrollBandIntoView(pane, y - pitch / 2, y + pitch / 2, 0);
    const offset = offsetAtPoint(pane, x, y);
    if (offset === null) continue;
    // Under the point, else the line's nearest end: past a line's end, or in its indent.
    for (const find of [tokenAt, tokenBefore, tokenFrom]) {
      const token = find(text, offset, lang);
      if (token && token.start !== from.start && liesAt(pane, token, y, pitch / 3)) return token;
    }
  }
  return sideways();
}

/** The height of a line of the text around `node`, from its block's line height. */
function linePitch(node: Node, fallback: number): number {
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest("[data-block-start]");
  const height = block ? parseFloat(getComputedStyle(block).lineHeight) : NaN;
  return Number.isFinite(height) && height > 0 ? height : fallback;
}

/** Whether the token is laid out on the line whose middle is at height `y`. */
function liesAt(pane: HTMLElement, token: TextRange, y: number, slack: number): boolean {
  const rects = domRangeOf(pane, token)?.getClientRects() ?? [];
  return [...rects].some((rect) => Math.abs((rect.top + rect.bottom) / 2 - y) <= slack);
}
