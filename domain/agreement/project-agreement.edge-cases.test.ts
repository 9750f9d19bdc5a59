import { describe, expect, it } from "vitest";
import { documentOf } from "../test-support/agreement-documents";
import { computeProjectAgreement } from "./project-agreement";

describe("computeProjectAgreement, edge cases", () => {
  it("gives 1 everywhere for perfect agreement", () => {
    const spans = [[0, 3, "X"]] as const;
    const result = computeProjectAgreement({
      labels: ["X"],
      documents: [documentOf(1, "one two", { A: spans, B: spans, C: spans })],
    });
    expect(result.token.krippendorffAlpha).toBe(1);
    expect(result.token.fleissKappa).toBe(1);
    expect(result.token.cohenKappa.map((row) => row.kappa)).toEqual([1, 1, 1]);
    expect(result.token.perLabelAlpha).toEqual([{ label: "X", alpha: 1 }]);
    expect(result.span.pairs.map((row) => [row.exactF1, row.relaxedF1])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(result.span.perLabel).toEqual([
      { label: "X", exactF1: 1, counts: { A: 1, B: 1, C: 1 } },
    ]);
  });

  it("gives null, not 1, when every token is O for everybody (expected agreement 1)", () => {
    const result = computeProjectAgreement({
      labels: ["X"],
      documents: [documentOf(1, "one two three", { A: [], B: [] })],
    });
    expect(result.token).toEqual({
      krippendorffAlpha: null,
      alphaUnits: 3,
      fleissKappa: null,
      fleissUnits: 3,
      cohenKappa: [{ a: "A", b: "B", kappa: null, tokens: 3 }],
      perLabelAlpha: [],
      confusion: { labels: ["O"], counts: [[6]] },
    });
    expect(result.span).toEqual({
      pairs: [{ a: "A", b: "B", exactF1: null, relaxedF1: null, documents: 1 }],
      perLabel: [],
    });
    expect(result.documents).toEqual([{ id: 1, annotators: 2, alpha: null }]);
  });

  it("has no pairs and null measures with a single annotator", () => {
    const result = computeProjectAgreement({
      labels: ["X"],
      documents: [
        documentOf(1, "one two", { A: [[0, 3, "X"]] }),
        documentOf(2, "three", { A: [] }),
      ],
    });
    expect(result.annotators).toEqual(["A"]);
    expect(result.token).toEqual({
      krippendorffAlpha: null,
      alphaUnits: 0,
      fleissKappa: null,
      fleissUnits: 0,
      cohenKappa: [],
      perLabelAlpha: [{ label: "X", alpha: null }],
      confusion: {
        labels: ["O", "X"],
        counts: [
          [0, 0],
          [0, 0],
        ],
      },
    });
    expect(result.span).toEqual({
      pairs: [],
      perLabel: [{ label: "X", exactF1: null, counts: { A: 1 } }],
    });
    expect(result.documents).toEqual([]);
  });

  it("has no result at all for a project without submissions", () => {
    const result = computeProjectAgreement({
      labels: ["X"],
      documents: [documentOf(1, "text", {})],
    });
    expect(result.annotators).toEqual([]);
    expect(result.token.krippendorffAlpha).toBeNull();
    expect(result.documents).toEqual([]);
  });

  it("treats annotators who did not submit a document as missing", () => {
    const result = computeProjectAgreement({
      labels: ["X"],
      documents: [
        documentOf(1, "a b c", { A: [[0, 1, "X"]], B: [[0, 1, "X"]], C: [[2, 3, "X"]] }), // 3 tokens
        documentOf(2, "d e", { B: [[0, 1, "X"]], A: [[0, 1, "X"]] }), // 2 tokens
        documentOf(3, "f g h i", { C: [[0, 1, "X"]] }), // 4 tokens, nobody to compare with
        documentOf(4, "j", { D: [[0, 1, "X"]] }), // D shares no document with anyone
      ],
    });
    expect(result.annotators).toEqual(["A", "B", "C", "D"]);
    expect(result.token.alphaUnits).toBe(5);
    expect(result.token.fleissUnits).toBe(0); // D submitted nothing the others did
    expect(result.token.cohenKappa.map(({ a, b, tokens }) => [a, b, tokens])).toEqual([
      ["A", "B", 5],
      ["A", "C", 3],
      ["B", "C", 3],
    ]);
    expect(result.span.pairs.map(({ a, b, documents }) => [a, b, documents])).toEqual([
      ["A", "B", 2],
      ["A", "C", 1],
      ["B", "C", 1],
    ]);
    expect(result.span.perLabel[0]?.counts).toEqual({ A: 2, B: 2, C: 2, D: 1 });
    expect(result.documents.map(({ id, annotators }) => [id, annotators])).toEqual([
      [1, 3],
      [2, 2],
    ]);
  });

  it("does not count touching spans as overlapping, and counts identical duplicates once", () => {
    const result = computeProjectAgreement({
      labels: ["X"],
      documents: [
        documentOf(1, "abc def", {
          A: [
            [0, 3, "X"],
            [0, 3, "X"],
          ],
          B: [[0, 3, "X"]],
        }),
        documentOf(2, "abc def", { A: [[0, 3, "X"]], B: [[3, 7, "X"]] }),
      ],
    });
    // Exact: 1 match, |A| + |B| = 2 + 2. Relaxed: only the identical pair overlaps.
    expect(result.span.pairs).toEqual([
      { a: "A", b: "B", exactF1: 2 / 4, relaxedF1: 2 / 4, documents: 2 },
    ]);
    expect(result.span.perLabel).toEqual([{ label: "X", exactF1: 2 / 4, counts: { A: 2, B: 2 } }]);
  });

  it("works in UTF-16 offsets on emoji and combining marks", () => {
    // Tokens: "😀" [0, 2), "café" [3, 7), "e\u0301t" [8, 11). A: O X O, B: O O X.
    const text = "😀 café e\u0301t";
    const result = computeProjectAgreement({
      labels: ["X"],
      documents: [documentOf(1, text, { A: [[3, 7, "X"]], B: [[8, 11, "X"]] })],
    });
    expect(result.token.confusion.counts).toEqual([
      [2, 2],
      [2, 0],
    ]);
    // n_O = 4, n_X = 2, n = 6, 4 disagreeing coincidences: 1 - 5 · 4 / (2 · 4 · 2).
    expect(result.token.krippendorffAlpha).toBeCloseTo(-0.25, 12);
    // p_o = 1/3, p_e = 5/9.
    expect(result.token.cohenKappa[0]?.kappa).toBeCloseTo(-0.5, 12);
  });

  it("refuses two submissions of one document by the same annotator", () => {
    const document = documentOf(5, "text", { A: [] });
    document.annotations.push({ annotator: "A", spans: [] });
    expect(() => computeProjectAgreement({ labels: [], documents: [document] })).toThrow(
      'document 5 has two submitted annotations by "A"',
    );
  });
});
