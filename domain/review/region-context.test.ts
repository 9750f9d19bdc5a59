import { describe, expect, it } from "vitest";
import { startsOfRepeatedTexts, surroundingWords } from "./region-context";

const text = "Troops left Russia on Monday.\nLater, officials in Russia denied it all.";
const first = { start: 12, end: 18 };
const second = { start: 50, end: 56 };

describe("surroundingWords", () => {
  it.each([
    [
      first,
      2,
      { before: "Troops left ", after: " on Monday.", clippedBefore: false, clippedAfter: true },
    ],
    [
      second,
      2,
      { before: "officials in ", after: " denied it", clippedBefore: true, clippedAfter: true },
    ],
    [
      { start: 0, end: 6 },
      3,
      { before: "", after: " left Russia on", clippedBefore: false, clippedAfter: true },
    ],
    [
      { start: 67, end: 71 },
      1,
      { before: "it ", after: "", clippedBefore: true, clippedAfter: false },
    ],
  ])("gives the words around %o (%i a side), stopping at a line break", (range, words, context) => {
    expect(text.slice(second.start, second.end)).toBe("Russia");
    expect(surroundingWords(text, range, words)).toEqual(context);
  });
});

describe("startsOfRepeatedTexts", () => {
  it("names only the regions whose text another region reads too", () => {
    const monday = { start: 22, end: 28 };
    expect([...startsOfRepeatedTexts(text, [first, monday, second])]).toEqual([12, 50]);
  });
});
