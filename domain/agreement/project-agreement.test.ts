import { describe, expect, it } from "vitest";
import { documentOf } from "../test-support/agreement-documents";
import { computeProjectAgreement } from "./project-agreement";

describe("computeProjectAgreement, computed by hand", () => {
  // "aa bb cc dd": tokens aa [0, 2), bb [3, 5), cc [6, 8), dd [9, 11).
  // Token labels:  A = X X Y O,  B = X X Y O (its [0, 4) covers "bb"'s first character),  C = O X Y Y.
  const result = computeProjectAgreement({
    labels: ["Z", "Y", "X"],
    documents: [
      documentOf(7, "aa bb cc dd", {
        C: [
          [3, 5, "X"],
          [6, 8, "Y"],
          [9, 11, "Y"],
        ],
        A: [
          [0, 2, "X"],
          [3, 5, "X"],
          [6, 8, "Y"],
        ],
        B: [
          [0, 4, "X"],
          [6, 8, "Y"],
        ],
      }),
    ],
  });

  it("lists annotators by name and labels with spans in project order", () => {
    expect(result.annotators).toEqual(["A", "B", "C"]);
    expect(result.token.perLabelAlpha.map((row) => row.label)).toEqual(["Y", "X"]);
    expect(result.span.perLabel.map((row) => row.label)).toEqual(["Y", "X"]);
  });

  it("counts ordered annotator pairs per token in a symmetric confusion matrix", () => {
    // aa: AB X/X, AC and BC X/O;  bb: three X/X;  cc: three Y/Y;  dd: AB O/O, AC and BC O/Y.
    expect(result.token.confusion).toEqual({
      labels: ["O", "Y", "X"],
      counts: [
        [2, 2, 2],
        [2, 6, 0],
        [2, 0, 8],
      ],
    });
  });

  it("computes alpha, Fleiss' kappa and Cohen's kappa from those pairs", () => {
    // Coincidences = counts / (m - 1) = counts / 2: n_O = 3, n_Y = 4, n_X = 5, n = 12, Σ_{c≠k} o_ck = 4,
    // Σ_{c≠k} n_c n_k = 2 (12 + 15 + 20) = 94: alpha = 1 - 11 · 4 / 94.
    expect(result.token.krippendorffAlpha).toBeCloseTo(1 - 44 / 94, 12);
    expect(result.documents).toEqual([
      { id: 7, annotators: 3, alpha: expect.closeTo(1 - 44 / 94, 12) },
    ]);
    expect(result.token.alphaUnits).toBe(4);
    // P̄ = 16 / (4 · 3 · 2), P̄e = (3² + 4² + 5²) / 12²: kappa = (96 - 50) / (144 - 50).
    expect(result.token.fleissKappa).toBeCloseTo(46 / 94, 12);
    expect(result.token.fleissUnits).toBe(4);
    // A = B exactly; A vs C: p_o = 2/4, p_e = (2·1 + 1·2 + 1·1) / 16 = 5/16, kappa = 3/11.
    expect(result.token.cohenKappa).toEqual([
      { a: "A", b: "B", kappa: 1, tokens: 4 },
      { a: "A", b: "C", kappa: expect.closeTo(3 / 11, 12), tokens: 4 },
      { a: "B", b: "C", kappa: expect.closeTo(3 / 11, 12), tokens: 4 },
    ]);
  });

  it("computes per-label alpha on the label-vs-other recoding", () => {
    // Y: o_YY = 3, o_Y,other = 1, n_Y = 4, n_other = 8: 1 - 11 · 2 / (2 · 4 · 8).
    // X: o_XX = 4, o_X,other = 1, n_X = 5, n_other = 7: 1 - 11 · 2 / (2 · 5 · 7).
    expect(result.token.perLabelAlpha).toEqual([
      { label: "Y", alpha: expect.closeTo(1 - 22 / 64, 12) },
      { label: "X", alpha: expect.closeTo(1 - 22 / 70, 12) },
    ]);
  });

  it("computes exact and relaxed span F1 per pair", () => {
    // A-B: exact only Y [6, 8); relaxed: all 3 A spans and both B spans ([0, 4) overlaps [3, 5)).
    // A-C: exact X [3, 5) and Y [6, 8); relaxed: 2 of A (not [0, 2)) and 2 of C (not [9, 11)).
    // B-C: exact Y [6, 8); relaxed: both of B, 2 of C.
    expect(result.span.pairs).toEqual([
      { a: "A", b: "B", exactF1: 2 / 5, relaxedF1: 5 / 5, documents: 1 },
      { a: "A", b: "C", exactF1: 4 / 6, relaxedF1: 4 / 6, documents: 1 },
      { a: "B", b: "C", exactF1: 2 / 5, relaxedF1: 4 / 5, documents: 1 },
    ]);
  });

  it("micro-averages exact F1 per label over all pairs", () => {
    // Y: 1 match in each pair, sizes (1+1) + (1+2) + (1+2) -> 6 / 8.
    // X: 1 match (A-C), sizes (2+1) + (2+1) + (1+1) -> 2 / 8.
    expect(result.span.perLabel).toEqual([
      { label: "Y", exactF1: 6 / 8, counts: { A: 1, B: 1, C: 2 } },
      { label: "X", exactF1: 2 / 8, counts: { A: 2, B: 1, C: 1 } },
    ]);
  });
});
