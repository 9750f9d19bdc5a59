import { describe, expect, it } from "vitest";
import { findOccurrences, findTaggableOccurrences } from "./text-search";

const text = "Kursk and kursk. The Kursk region, Kurskaya. KURSK (c) [a+b]";
const slices = (ranges: { start: number; end: number }[]) =>
  ranges.map((range) => text.slice(range.start, range.end));

describe("findOccurrences", () => {
  it("ignores case unless asked", () => {
    expect(slices(findOccurrences(text, "kursk", { matchCase: false }))).toEqual([
      "Kursk",
      "kursk",
      "Kursk",
      "Kursk",
      "KURSK",
    ]);
    expect(slices(findOccurrences(text, "Kursk", { matchCase: true }))).toHaveLength(3);
  });

  it("takes the query literally", () => {
    expect(slices(findOccurrences(text, "[a+b]", { matchCase: true }))).toEqual(["[a+b]"]);
    expect(findOccurrences(text, "(c)", { matchCase: true })).toHaveLength(1);
  });

  it("finds nothing for an empty query, and stops at the limit", () => {
    expect(findOccurrences(text, "", { matchCase: false })).toEqual([]);
    expect(findOccurrences("aaaa", "a", { matchCase: true, limit: 2 })).toHaveLength(2);
  });

  it("gives UTF-16 offsets past astral characters", () => {
    expect(findOccurrences("😀 Ana", "ana", { matchCase: false })).toEqual([{ start: 3, end: 6 }]);
  });
});

describe("findTaggableOccurrences", () => {
  const occurrences = findOccurrences(text, "kursk", { matchCase: false });

  it("keeps whole words that no span touches", () => {
    const spans = [{ start: 21, end: 33 }];
    expect(
      slices(findTaggableOccurrences(text, occurrences, spans, { wholeTokens: true })),
    ).toEqual(["Kursk", "kursk", "KURSK"]);
  });

  it("keeps parts of words when the project does not snap to tokens", () => {
    const taggable = findTaggableOccurrences(text, occurrences, [], { wholeTokens: false });
    expect(taggable).toHaveLength(5);
  });

  it("trims white space from the query's matches", () => {
    const spaced = findOccurrences(text, " the ", { matchCase: false });
    expect(slices(findTaggableOccurrences(text, spaced, [], { wholeTokens: true }))).toEqual([
      "The",
    ]);
  });

  it("skips occurrences inside a long span that starts earlier", () => {
    const spans = [
      { start: 0, end: 40 },
      { start: 41, end: 42 },
    ];
    expect(
      slices(findTaggableOccurrences(text, occurrences, spans, { wholeTokens: true })),
    ).toEqual(["KURSK"]);
  });
});
