import { splitsCharacter } from "./graphemes";
import { snapToTokens } from "./token-boundaries";
import { trimWhitespace } from "./spans";

type Range = { start: number; end: number };

/**
 * Occurrences of `query` in `text`, left to right and not overlapping each other, at most `limit`.
 * A match that would cut a character (the "🇦" of a flag, "मुलाक" before its nukta) is none.
 */
export function findOccurrences(
  text: string,
  query: string,
  options: { matchCase: boolean; limit?: number },
): Range[] {
  if (query === "") return [];
  const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // The u flag keeps case-insensitive matching to simple case folding, so offsets never shift.
  const pattern = new RegExp(escaped, options.matchCase ? "gu" : "giu");
  const found: Range[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const range = { start: match.index, end: match.index + match[0].length };
    if (splitsCharacter(text, range.start) || splitsCharacter(text, range.end)) {
      // A whole match may still start inside the one refused: look again one code point on.
      pattern.lastIndex =
        range.start + ((text.codePointAt(range.start) as number) > 0xffff ? 2 : 1);
      continue;
    }
    found.push(range);
    if (found.length === (options.limit ?? 10_000)) break;
  }
  return found;
}

/**
 * The occurrences that "tag all" may turn into spans: trimmed of white space, whole words when the
 * project snaps to tokens, and touching no span the annotator already has.
 */
export function findTaggableOccurrences(
  text: string,
  occurrences: readonly Range[],
  spans: readonly Range[],
  options: { wholeTokens: boolean; lang?: string },
): Range[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // reach[i]: the furthest end among the first i + 1 spans, to test an overlap in O(log n).
  const reach: number[] = [];
  sorted.forEach((span, i) => reach.push(Math.max(span.end, reach[i - 1] ?? -Infinity)));
  const isUnannotated = (range: Range) => {
    const last = lastStartingBefore(sorted, range.end);
    return last < 0 || (reach[last] as number) <= range.start;
  };
  return occurrences.flatMap((occurrence) => {
    const trimmed = trimWhitespace(text, occurrence.start, occurrence.end);
    if (!trimmed) return [];
    if (options.wholeTokens) {
      const snapped = snapToTokens(text, trimmed.start, trimmed.end, options.lang);
      if (snapped?.start !== trimmed.start || snapped.end !== trimmed.end) return [];
    }
    return isUnannotated(trimmed) ? [trimmed] : [];
  });
}

/** The index of the last range starting before `offset`, or -1. */
function lastStartingBefore(sorted: readonly Range[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as Range).start < offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
