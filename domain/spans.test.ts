import { describe, expect, it } from "vitest";
import {
  compareSpans,
  findSpanProblem,
  normalizeSpans,
  spansOverlap,
  trimWhitespace,
} from "./spans";

describe("findSpanProblem", () => {
  it.each([
    ["a whole ASCII text", "hello", 0, 5],
    ["one character", "hello", 4, 5],
    ["a whole surrogate pair", "a😀b", 1, 3],
    ["an emoji ending the text", "😀", 0, 2],
    ["a letter with its combining mark", "e\u0301", 0, 2],
  ])("accepts %s", (_, text, start, end) => {
    expect(findSpanProblem(text, start, end)).toBeNull();
  });

  it.each([
    ["end past the text", "hello", 0, 6, "end 6 is past the end of the text (length 5)"],
    [
      "end past the text in UTF-16 units",
      "😀",
      0,
      3,
      "end 3 is past the end of the text (length 2)",
    ],
    ["negative start", "hello", -1, 2, "start -1 is before the beginning of the text"],
    ["start equal to end", "hello", 3, 3, "start 3 must be less than end 3"],
    ["start after end", "hello", 4, 2, "start 4 must be less than end 2"],
    ["fractional start", "hello", 0.5, 2, "offsets must be whole numbers"],
    ["fractional end", "hello", 0, 2.5, "offsets must be whole numbers"],
    ["NaN", "hello", Number.NaN, 2, "offsets must be whole numbers"],
    ["end inside a surrogate pair", "a😀b", 0, 2, "offsets split a character in two: “😀”"],
    ["start inside a surrogate pair", "a😀b", 2, 4, "offsets split a character in two: “😀”"],
    ["both inside an emoji", "👍🏽", 1, 3, "offsets split a character in two: “👍🏽”"],
    [
      "a letter without its combining mark",
      "e\u0301",
      0,
      1,
      "offsets split a character in two: “e\u0301”",
    ],
    ["the 👩 of a family", "👩‍👩‍👧", 0, 2, "offsets split a character in two: “👩‍👩‍👧”"],
    ["half a flag", "🇦🇷", 0, 2, "offsets split a character in two: “🇦🇷”"],
  ])("refuses %s", (_, text, start, end, problem) => {
    expect(findSpanProblem(text, start, end)).toBe(problem);
  });
});

describe("spansOverlap", () => {
  it.each([
    ["touching, first before second", [0, 3], [3, 5], false],
    ["touching, second before first", [3, 5], [0, 3], false],
    ["disjoint", [0, 2], [4, 6], false],
    ["partly overlapping", [0, 4], [3, 6], true],
    ["partly overlapping, reversed", [3, 6], [0, 4], true],
    ["nested", [0, 10], [2, 5], true],
    ["nested, reversed", [2, 5], [0, 10], true],
    ["identical", [1, 4], [1, 4], true],
    ["sharing the start", [1, 2], [1, 6], true],
    ["sharing the end", [5, 6], [1, 6], true],
    ["one character apart", [0, 1], [2, 3], false],
  ] as const)("%s: %j and %j -> %s", (_, [aStart, aEnd], [bStart, bEnd], expected) => {
    expect(spansOverlap({ start: aStart, end: aEnd }, { start: bStart, end: bEnd })).toBe(expected);
  });
});

describe("trimWhitespace", () => {
  it.each([
    ["spaces both sides", "  hi  ", 0, 6, { start: 2, end: 4 }],
    ["nothing to trim", "a b", 0, 3, { start: 0, end: 3 }],
    ["inner spaces stay", " a b ", 0, 5, { start: 1, end: 4 }],
    ["tab and newline", "\thi\n", 0, 4, { start: 1, end: 3 }],
    ["no-break space", "\u00a0x\u00a0", 0, 3, { start: 1, end: 2 }],
    ["ideographic space", "\u3000東京\u3000", 0, 4, { start: 1, end: 3 }],
    ["a sub-range of the text", "hello world", 5, 11, { start: 6, end: 11 }],
    ["emoji are not white space", " 😀 ", 0, 4, { start: 1, end: 3 }],
    ["only white space", "   ", 0, 3, null],
    ["only a line break", "a\nb", 1, 2, null],
  ])("%s", (_, text, start, end, expected) => {
    expect(trimWhitespace(text, start, end)).toEqual(expected);
  });
});

describe("normalizeSpans", () => {
  it("sorts by start, end, then label, and keeps identical spans once", () => {
    const spans = [
      { start: 5, end: 9, label: "PER" },
      { start: 0, end: 4, label: "ORG" },
      { start: 0, end: 2, label: "PER" },
      { start: 5, end: 9, label: "PER" },
      { start: 0, end: 4, label: "LOC" },
      { start: 0, end: 4, label: "ORG" },
    ];
    expect(normalizeSpans(spans)).toEqual([
      { start: 0, end: 2, label: "PER" },
      { start: 0, end: 4, label: "LOC" },
      { start: 0, end: 4, label: "ORG" },
      { start: 5, end: 9, label: "PER" },
    ]);
    // The input is left as it was.
    expect(spans[0]).toEqual({ start: 5, end: 9, label: "PER" });
    expect(spans).toHaveLength(6);
  });

  it("keeps extra fields of the spans it returns", () => {
    const spans = [
      { start: 1, end: 2, label: "A", id: 7 },
      { start: 0, end: 2, label: "A", id: 8 },
    ];
    expect(normalizeSpans(spans).map((span) => span.id)).toEqual([8, 7]);
  });

  it("returns an empty list for no spans", () => {
    expect(normalizeSpans([])).toEqual([]);
  });
});

describe("compareSpans", () => {
  it.each([
    [{ start: 0, end: 3, label: "A" }, { start: 1, end: 2, label: "A" }, -1],
    [{ start: 1, end: 2, label: "A" }, { start: 1, end: 3, label: "A" }, -1],
    [{ start: 1, end: 3, label: "B" }, { start: 1, end: 3, label: "A" }, 1],
    [{ start: 1, end: 3, label: "A" }, { start: 1, end: 3, label: "A" }, 0],
  ])("compares %j with %j: sign %i", (a, b, sign) => {
    expect(Math.sign(compareSpans(a, b))).toBe(sign);
    expect(Math.sign(compareSpans(b, a))).toBe(-sign || 0);
  });
});
