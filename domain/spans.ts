import { clusterAt, splitsCharacter } from "./graphemes";

/** A labelled range of a document, in UTF-16 code units, start inclusive, end exclusive. */
export type Span = { start: number; end: number; label: string };

/** Why a span cannot stand in a text, or null when it can. */
export function findSpanProblem(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return "offsets must be whole numbers";
  if (start < 0) return `start ${start} is before the beginning of the text`;
  if (end > text.length) return `end ${end} is past the end of the text (length ${text.length})`;
  if (start >= end) return `start ${start} must be less than end ${end}`;
  const split = [start, end].find((offset) => splitsCharacter(text, offset));
  if (split !== undefined) {
    const character = clusterAt(text, split);
    return `offsets split a character in two: “${text.slice(character.start, character.end)}”`;
  }
  return null;
}

/** Spans share at least one character; touching spans do not overlap. */
export function spansOverlap(a: { start: number; end: number }, b: { start: number; end: number }) {
  return a.start < b.end && b.start < a.end;
}

/** Narrows a range so that it neither starts nor ends with white space; null if nothing is left. */
export function trimWhitespace(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text.charAt(from))) from++;
  while (to > from && /\s/u.test(text.charAt(to - 1))) to--;
  return from < to ? { start: from, end: to } : null;
}

export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** Sorted, with identical start/end/label kept once: an annotator's spans form a set. */
export function normalizeSpans<T extends Span>(spans: T[]): T[] {
  const sorted = [...spans].sort(compareSpans);
  return sorted.filter((span, i) => i === 0 || compareSpans(span, sorted[i - 1] as T) !== 0);
}
