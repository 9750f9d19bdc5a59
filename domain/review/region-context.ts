/**
 * A few words either side of a stretch of text: two regions that both read "Russia" are told
 * apart by what surrounds them. Each side stops at a line break, which ends the context a reader
 * would look at; `clipped` says whether more text lies beyond, for an ellipsis.
 */
export type RegionContext = {
  before: string;
  after: string;
  clippedBefore: boolean;
  clippedAfter: boolean;
};

export function surroundingWords(
  text: string,
  range: { start: number; end: number },
  words = 4,
): RegionContext {
  const head = text.slice(0, range.start).split("\n").at(-1) ?? "";
  const tail = text.slice(range.end).split("\n")[0] ?? "";
  const before = new RegExp(`(?:\\S+\\s*){0,${words}}$`, "u").exec(head)?.[0] ?? "";
  const after = new RegExp(`^(?:\\s*\\S+){0,${words}}`, "u").exec(tail)?.[0] ?? "";
  return {
    before,
    after,
    clippedBefore: before.length < range.start,
    clippedAfter: range.end + after.length < text.length,
  };
}

/** The regions whose text some other region also reads, by their start offset. */
export function startsOfRepeatedTexts(
  text: string,
  regions: readonly { start: number; end: number }[],
): Set<number> {
  const byText = new Map<string, number[]>();
  for (const region of regions) {
    const words = text.slice(region.start, region.end);
    byText.set(words, [...(byText.get(words) ?? []), region.start]);
  }
  return new Set([...byText.values()].filter((starts) => starts.length > 1).flat());
}
