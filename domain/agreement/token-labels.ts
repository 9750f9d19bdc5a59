import type { Span } from "../spans";
import type { Token } from "../tokenize";
import { OUTSIDE, type LabelCodes } from "./label-codes";

/**
 * Which span labels a token when several cover its first character: the earliest-starting, then
 * the longest, then the label name that sorts first.
 */
function compareCoverPriority(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/**
 * One annotator's label code for every token: the label of their span covering the token's FIRST
 * character (span.start <= token.start < span.end), else "O".
 *
 * A single sweep, O(spans · log spans + tokens): spans sorted by priority enter as the tokens'
 * starts pass theirs, and since token starts only grow, a span that has ended before one token has
 * ended for all later ones. The first not-yet-ended entered span is therefore the best cover, and
 * `first` never moves back.
 */
export function labelTokens(
  tokens: readonly Token[],
  spans: readonly Span[],
  labelCodes: LabelCodes,
): Int32Array {
  const byPriority = [...spans].sort(compareCoverPriority);
  const starts = byPriority.map((span) => span.start);
  const ends = byPriority.map((span) => span.end);
  const spanCodes = byPriority.map((span) => labelCodes.codeOf(span.label));
  const codes = new Int32Array(tokens.length).fill(OUTSIDE);
  let entered = 0;
  let first = 0;
  for (let t = 0; t < tokens.length; t++) {
    const tokenStart = (tokens[t] as Token).start;
    while (entered < starts.length && (starts[entered] as number) <= tokenStart) entered++;
    while (first < entered && (ends[first] as number) <= tokenStart) first++;
    if (first < entered) codes[t] = spanCodes[first] as number;
  }
  return codes;
}
