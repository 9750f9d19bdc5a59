import { contentOf, type SpanContent } from "@/domain/span-edits";
import { tokenAt, tokenBefore, tokenFrom } from "@/domain/token-boundaries";
import { trimWhitespace } from "@/domain/spans";
import type { DetailEdit } from "./span-detail-values";
import type { TextRange } from "./types";

export type SpanEdge = "start" | "end";

/**
 * A span's range with one edge moved by a whole token: `outward` grows the span by the token
 * beside that edge, inward shrinks it by its own outermost token. A span never shrinks below
 * one token; null when the edge cannot move that way.
 */
export function moveEdgeByToken(
  text: string,
  span: TextRange,
  edge: SpanEdge,
  outward: boolean,
  lang?: string,
): TextRange | null {
  if (edge === "end") {
    if (outward) {
      const next = tokenFrom(text, span.end, lang);
      return next ? { start: span.start, end: next.end } : null;
    }
    const last = tokenBefore(text, span.end, lang);
    const before = last && tokenBefore(text, last.start, lang);
    return before && before.end > span.start ? { start: span.start, end: before.end } : null;
  }
  if (outward) {
    const previous = tokenBefore(text, span.start, lang);
    return previous ? { start: previous.start, end: span.end } : null;
  }
  const first = tokenFrom(text, span.start, lang);
  const after = first && tokenFrom(text, first.end, lang);
  return after && after.start < span.end ? { start: after.start, end: span.end } : null;
}

/**
 * Where dragging an edge to `offset` puts the span: the edge goes to the offset (widened to the
 * word there when `snap`), and the other edge stays. Null when it would leave nothing.
 */
export function dragEdgeTo(
  text: string,
  span: TextRange,
  edge: SpanEdge,
  offset: number,
  snap: boolean,
  lang?: string,
): TextRange | null {
  const range =
    edge === "end" ? { start: span.start, end: offset } : { start: offset, end: span.end };
  if (range.start >= range.end) return null;
  if (!snap) return trimWhitespace(text, range.start, range.end);
  // The word the pointer is in counts whole, on the side being dragged.
  const word =
    edge === "end"
      ? (tokenAt(text, offset - 1, lang) ?? tokenBefore(text, offset, lang))
      : (tokenAt(text, offset, lang) ?? tokenFrom(text, offset, lang));
  if (!word) return null;
  const snapped =
    edge === "end" ? { start: span.start, end: word.end } : { start: word.start, end: span.end };
  return snapped.start < snapped.end ? snapped : null;
}

/** The resize edit for a span's new range; none when the range stays as it is. */
export function resizeEdit(span: SpanContent, range: TextRange): DetailEdit | null {
  if (range.start === span.start && range.end === span.end) return null;
  return { kind: "resize", span: contentOf(span), start: range.start, end: range.end };
}
