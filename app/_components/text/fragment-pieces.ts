import { contentOf, spanKey, type SpanContent } from "@/domain/span-edits";
import type { SpanFragment } from "@/domain/span-details";
import type { DetailEdit } from "./span-detail-values";
import type { TextRange } from "./types";

type Fragmented = SpanContent & { fragments?: SpanFragment[] };

/**
 * A further piece of a discontinuous span, drawn as a span of its own that stands for its owner:
 * clicking or focusing it is clicking or focusing the owner.
 */
export type FragmentPiece<T> = T & { fragmentOf?: T };

/**
 * The spans as they are drawn: each span, and each further piece of a discontinuous one painted
 * like it. A layer without discontinuous spans is handed back as it is, so the page costs nothing
 * more for them.
 */
export function expandFragments<T extends Fragmented>(spans: readonly T[]): FragmentPiece<T>[] {
  if (!spans.some(isDiscontinuous)) return spans as T[];
  const pieces: FragmentPiece<T>[] = [];
  for (const span of spans) {
    pieces.push(span);
    for (const [start, end] of fragmentsOf(span))
      pieces.push({ ...span, start, end, fragmentOf: span });
  }
  return pieces.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A span's further pieces; a layer read without details has none. */
export function fragmentsOf(span: { fragments?: SpanFragment[] }): SpanFragment[] {
  return span.fragments ?? [];
}

/** Whether a span is made of more than one piece. */
export function isDiscontinuous(span: { fragments?: SpanFragment[] }): boolean {
  return fragmentsOf(span).length > 0;
}

/** The span a drawn piece stands for. */
export function ownerOf<T>(piece: FragmentPiece<T>): T {
  return piece.fragmentOf ?? piece;
}

/** The key of the span a drawn piece stands for, which focus and clicks go by. */
export function ownerKey(piece: FragmentPiece<SpanContent>): string {
  return spanKey(ownerOf(piece));
}

/** A span's text as read out and listed: “North … South Korea” for one in two pieces. */
export function quoteSpan(text: string, span: TextRange & { fragments?: SpanFragment[] }): string {
  const pieces = [span, ...fragmentsOf(span).map(([start, end]) => ({ start, end }))];
  return `“${pieces.map((piece) => text.slice(piece.start, piece.end)).join(" … ")}”`;
}

/**
 * The edit that makes `range` a further piece of `span`, or why it cannot be one. A fragment
 * follows the span's own range, which stays its first piece and names it; pieces never overlap.
 */
export function addFragmentEdit(span: Fragmented, range: TextRange): DetailEdit | string {
  if (range.start < span.end) {
    return "A further piece of a span comes after its first piece: select text after the span.";
  }
  const overlaps = fragmentsOf(span).some(([start, end]) => range.start < end && start < range.end);
  if (overlaps) return "That text is already part of the span.";
  const fragments = [...fragmentsOf(span), [range.start, range.end] as SpanFragment].sort(
    (a, b) => a[0] - b[0],
  );
  return fragmentsEdit(span, fragments);
}

/** The edit that takes the `index`th further piece off a span. */
export function removeFragmentEdit(span: Fragmented, index: number): DetailEdit {
  return fragmentsEdit(
    span,
    fragmentsOf(span).filter((_, at) => at !== index),
  );
}

function fragmentsEdit(span: Fragmented, fragments: SpanFragment[]): DetailEdit {
  return {
    kind: "describe",
    span: contentOf(span),
    from: { fragments: fragmentsOf(span) },
    to: { fragments },
  };
}
