import type { ReactNode } from "react";
import { spanKey, type DetailedSpan } from "@/domain/span-edits";
import { fragmentsOf, isDiscontinuous, ownerOf, type FragmentPiece } from "./fragment-pieces";
import { describeDetails } from "./span-detail-values";
import type { TextSpan } from "./types";

/**
 * The small marks after the spans that carry attributes or a note and end where a piece of text
 * ends: a dot whose description says what the span carries ("negated, certainty high, has a
 * note"). The dot is drawn by CSS, so it adds no character to the text a selection reads.
 */
export function detailMarkers(
  covering: readonly FragmentPiece<TextSpan>[],
  segmentEnd: number,
): ReactNode[] {
  return covering.flatMap((piece) => {
    const span = ownerOf(piece);
    if (lastEnd(span) !== segmentEnd || piece.end !== segmentEnd) return [];
    const details = describeDetails(span);
    if (!details) return [];
    const key = spanKey(span);
    return [
      <span
        key={`details-${key}`}
        role="img"
        aria-label={details}
        title={details}
        data-details-for={key}
        className="ms-px inline-block align-super font-sans text-[0.6rem] leading-none text-zinc-600 select-none after:content-['●'] dark:text-zinc-300"
      />,
    ];
  });
}

function lastEnd(span: DetailedSpan): number {
  return fragmentsOf(span).reduce((end, fragment) => Math.max(end, fragment[1]), span.end);
}

/** A span's text in the span list: its first 80 characters, a discontinuous one's pieces joined. */
export function spanRowText(text: string, span: DetailedSpan): string {
  // A long span's text is never copied whole, only what the row shows.
  if (!isDiscontinuous(span)) return text.slice(span.start, Math.min(span.end, span.start + 80));
  const pieces = [span, ...fragmentsOf(span).map(([start, end]) => ({ start, end }))];
  const joined = pieces.map((piece) => text.slice(piece.start, piece.end)).join(" … ");
  return joined.slice(0, 80);
}

/** What a span carries, after its text in the span list. */
export function spanRowDetails(span: DetailedSpan): ReactNode {
  const details = describeDetails(span);
  return details ? (
    <span data-testid="span-row-details" className="ms-1 text-xs text-muted">
      · {details}
    </span>
  ) : null;
}
