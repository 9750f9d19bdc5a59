/**
 * Where nested and overlapping spans are drawn: each span that overlaps another gets a lane
 * (0, 1, 2…) and no two overlapping spans share one, so each stays visible as its own stripe.
 * Longer spans come first, so an enclosing span keeps the lane nearest the text. A span that
 * overlaps nothing gets no lane: it is drawn as a plain highlight.
 */
export function assignLanes<T extends { start: number; end: number }>(
  spans: readonly T[],
): Map<T, number> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const overlapping = new Set<T>();
  let reach = -Infinity;
  let reacher: T | undefined;
  for (const span of sorted) {
    if (span.start < reach && reacher) {
      overlapping.add(span);
      overlapping.add(reacher);
    }
    if (span.end > reach) {
      reach = span.end;
      reacher = span;
    }
  }

  const lanes = new Map<T, number>();
  const laneEnds: number[] = [];
  for (const span of sorted) {
    if (!overlapping.has(span)) continue;
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = span.end;
    lanes.set(span, lane);
  }
  return lanes;
}
