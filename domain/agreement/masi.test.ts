import { describe, expect, it } from "vitest";
import { coincidencesOfUnits, alphaWithDistance, nominalAlpha } from "./krippendorff";
import { masiDistance } from "./masi";

describe("masiDistance (Passonneau 2006: 1 − J·M)", () => {
  it.each<[string, string[], string[], number]>([
    ["equal sets: J = 1, M = 1", ["a", "b"], ["b", "a"], 0],
    ["a subset: J = 1/2, M = 2/3, 1 − 1/3", ["a"], ["a", "b"], 2 / 3],
    // NLTK's masi_distance example, {1, 2} vs {1, 2, 3, 4}: J = 2/4, M = 2/3.
    ["NLTK's example: J = 1/2, M = 2/3", ["1", "2"], ["1", "2", "3", "4"], 2 / 3],
    ["overlapping, neither a subset: J = 1/3, M = 1/3, 1 − 1/9", ["a", "b"], ["b", "c"], 8 / 9],
    ["disjoint: J = 0", ["a"], ["b"], 1],
    ["two empty sets are equal", [], [], 0],
    ["repeated values count once", ["a", "a"], ["a"], 0],
  ])("%s", (_, a, b, expected) => {
    expect(masiDistance(a, b)).toBeCloseTo(expected, 12);
    expect(masiDistance(b, a)).toBeCloseTo(expected, 12);
  });
});

describe("alphaWithDistance", () => {
  it("is nominal alpha with the 0/1 distance", () => {
    const coincidences = coincidencesOfUnits(
      [
        [0, 0, 1],
        [1, 1],
        [0, 2],
      ],
      3,
    );
    expect(alphaWithDistance(coincidences, (c, k) => (c === k ? 0 : 1))).toBe(
      nominalAlpha(coincidences),
    );
  });

  it("gives set-valued answers partial credit with MASI", () => {
    // Answers {x} {x} | {x,y} {x} | {y} {z}, coded {x} = 0, {x,y} = 1, {y} = 2, {z} = 3.
    // o_00 = 2, o_01 = o_10 = 1, o_23 = o_32 = 1; n = (3, 1, 1, 1), n = 6.
    // δ_01 = δ_12 = 2/3 (subsets, J = 1/2), every other pair 1 (disjoint).
    // Observed Σ o·δ = 2/3 + 2/3 + 1 + 1 = 10/3;
    // expected Σ n_c·n_k·δ = 2 · (3·2/3 + 3 + 3 + 2/3 + 1 + 1) = 64/3;
    // alpha = 1 − 5 · (10/3) / (64/3) = 14/64. Nominal alpha on the same data: 1 − 5 · 4/24 = 1/6.
    const answers = [["x"], ["x", "y"], ["y"], ["z"]];
    const coincidences = coincidencesOfUnits(
      [
        [0, 0],
        [1, 0],
        [2, 3],
      ],
      4,
    );
    const masi = (c: number, k: number) => masiDistance(answers[c] ?? [], answers[k] ?? []);
    expect(alphaWithDistance(coincidences, masi)).toBeCloseTo(14 / 64, 12);
    expect(nominalAlpha(coincidences)).toBeCloseTo(1 / 6, 12);
  });

  it("is null when every value is the same", () => {
    const coincidences = coincidencesOfUnits([[1, 1]], 2);
    expect(alphaWithDistance(coincidences, () => 1)).toBeNull();
  });
});
