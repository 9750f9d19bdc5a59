/**
 * Cuts a text into runs at every span boundary, so each run is covered by one fixed set of spans.
 * This is what a renderer needs to paint highlights without nesting markup inside markup.
 */
export type Segment<T> = { start: number; end: number; spans: T[] };

export function segmentText<T extends { start: number; end: number }>(
  textLength: number,
  spans: readonly T[],
): Segment<T>[] {
  const cuts = new Set<number>([0, textLength]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const boundaries = [...cuts].filter((cut) => cut >= 0 && cut <= textLength).sort((a, b) => a - b);
  const byStart = [...spans].sort((a, b) => a.start - b.start);

  const segments: Segment<T>[] = [];
  let active: T[] = [];
  let next = 0;
  for (let i = 0; i < boundaries.length - 1; i++) {
    const start = boundaries[i] as number;
    const end = boundaries[i + 1] as number;
    active = active.filter((span) => span.end > start);
    while (next < byStart.length && (byStart[next] as T).start <= start) {
      const span = byStart[next++] as T;
      if (span.end > start) active.push(span);
    }
    // Innermost first: the shortest covering span is the one a reader most likely means.
    const covering = [...active].sort((a, b) => a.end - a.start - (b.end - b.start));
    segments.push({ start, end, spans: covering });
  }
  return segments;
}
