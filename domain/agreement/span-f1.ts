import { normalizeSpans, spansOverlap, type Span } from "../spans";

/**
 * The relaxed match of two spans: the same label and at least one shared character (touching spans
 * do not overlap). Relaxed span F1 counts the spans with such a match on the other side; relaxed
 * relation F1 asks it of a relation's ends.
 */
export function matchesRelaxed(a: Span, b: Span): boolean {
  return a.label === b.label && spansOverlap(a, b);
}

/** One label's spans of one annotator in one document, ready for overlap queries. */
type LabelGroup = {
  /** Sorted by start, then end; identical spans kept once. */
  spans: Span[];
  /** prefixMaxEnd[i]: the furthest end among spans[0..i]. */
  prefixMaxEnd: number[];
};

/** An annotator's spans in one document, as a set (identical start, end and label count once). */
export type SpanSet = { size: number; byLabel: Map<string, LabelGroup> };

export function createSpanSet(spans: Span[]): SpanSet {
  const unique = normalizeSpans(spans);
  const byLabel = new Map<string, LabelGroup>();
  for (const span of unique) {
    const group = byLabel.get(span.label) ?? { spans: [], prefixMaxEnd: [] };
    group.prefixMaxEnd.push(Math.max(span.end, group.prefixMaxEnd.at(-1) ?? span.end));
    group.spans.push(span);
    byLabel.set(span.label, group);
  }
  return { size: unique.length, byLabel };
}

/** Matches between two annotators' span sets in one document, per label. */
export type LabelMatches = {
  /** Spans equal in start, end and label (each counted once, not once per side). */
  exact: number;
  /** Spans of either side overlapping at least one same-label span of the other side. */
  relaxed: number;
};

export function matchSpanSets(a: SpanSet, b: SpanSet): Map<string, LabelMatches> {
  const matches = new Map<string, LabelMatches>();
  for (const [label, groupA] of a.byLabel) {
    const groupB = b.byLabel.get(label);
    if (!groupB) continue;
    matches.set(label, {
      exact: countIdentical(groupA.spans, groupB.spans),
      relaxed: countOverlapping(groupA.spans, groupB) + countOverlapping(groupB.spans, groupA),
    });
  }
  return matches;
}

/** Size of the intersection of two sorted sets of same-label spans, by merging them. */
function countIdentical(a: readonly Span[], b: readonly Span[]): number {
  let i = 0;
  let j = 0;
  let identical = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Span;
    const y = b[j] as Span;
    const order = x.start - y.start || x.end - y.end;
    if (order === 0) identical++;
    if (order <= 0) i++;
    if (order >= 0) j++;
  }
  return identical;
}

/**
 * How many of `spans` match some span of `others` relaxedly (`others` have the same label). A span [s, e) overlaps one of `others` iff among those starting before e, the furthest end
 * exceeds s: a binary search and a prefix maximum, instead of a scan of `others` per span.
 */
function countOverlapping(spans: readonly Span[], others: LabelGroup): number {
  return spans.filter((span) => {
    const startingBefore = countStartingBefore(others.spans, span.end);
    return startingBefore > 0 && (others.prefixMaxEnd[startingBefore - 1] as number) > span.start;
  }).length;
}

function countStartingBefore(sortedByStart: readonly Span[], offset: number): number {
  let low = 0;
  let high = sortedByStart.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sortedByStart[mid] as Span).start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
