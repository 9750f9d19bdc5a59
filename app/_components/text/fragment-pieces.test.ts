import { describe, expect, it } from "vitest";
import {
  addFragmentEdit,
  expandFragments,
  ownerKey,
  ownerOf,
  quoteSpan,
  removeFragmentEdit,
} from "./fragment-pieces";

const text = "North and South Korea met.";
const north = { start: 0, end: 5, labelId: 1, fragments: [] as [number, number][] };
const korea = { start: 16, end: 21, labelId: 2, fragments: [] as [number, number][] };

describe("expandFragments", () => {
  it("hands back a layer without discontinuous spans as it is", () => {
    const spans = [north, korea];
    expect(expandFragments(spans)).toBe(spans);
  });
  it("draws each further piece as standing for its owner, in text order", () => {
    const entity = { ...north, fragments: [[16, 21]] as [number, number][] };
    const other = { ...north, start: 10, end: 15, labelId: 3 };
    const pieces = expandFragments([entity, other]);
    expect(pieces.map((piece) => [piece.start, piece.end])).toEqual([
      [0, 5],
      [10, 15],
      [16, 21],
    ]);
    const piece = pieces[2];
    expect(piece && ownerOf(piece)).toBe(entity);
    expect(piece && ownerKey(piece)).toBe("0:5:1");
  });
});

describe("quoteSpan", () => {
  it("joins the pieces with an ellipsis", () => {
    expect(quoteSpan(text, { ...north, fragments: [[10, 21]] })).toBe("“North … South Korea”");
    expect(quoteSpan(text, korea)).toBe("“Korea”");
  });
});

describe("addFragmentEdit", () => {
  it("adds the range as a further piece, kept sorted", () => {
    const entity = { ...north, fragments: [[16, 21]] as [number, number][] };
    expect(addFragmentEdit(entity, { start: 10, end: 15 })).toEqual({
      kind: "describe",
      span: { start: 0, end: 5, labelId: 1 },
      from: { fragments: [[16, 21]] },
      to: {
        fragments: [
          [10, 15],
          [16, 21],
        ],
      },
    });
  });
  it("refuses a range before the span or over one of its pieces", () => {
    expect(addFragmentEdit(korea, { start: 0, end: 5 })).toMatch(/after its first piece/);
    const entity = { ...north, fragments: [[16, 21]] as [number, number][] };
    expect(addFragmentEdit(entity, { start: 18, end: 25 })).toMatch(/already part/);
  });
});

describe("removeFragmentEdit", () => {
  it("takes one piece off", () => {
    const entity = {
      ...north,
      fragments: [
        [10, 15],
        [16, 21],
      ] as [number, number][],
    };
    expect(removeFragmentEdit(entity, 0)).toMatchObject({ to: { fragments: [[16, 21]] } });
  });
});
