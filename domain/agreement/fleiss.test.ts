import { describe, expect, it } from "vitest";
import { fleissKappa, tallyRatingTable } from "./fleiss";

/**
 * The worked example of Wikipedia's "Fleiss' kappa" article: 10 subjects, 14 raters, 5 categories;
 * P̄ = 0.378, P̄e = 0.213, kappa = 0.210 (the computation of Fleiss 1971, eq. 1-9).
 */
const wikipediaExample = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

describe("fleissKappa", () => {
  it.each([
    ["Wikipedia's worked example (10 subjects x 14 raters x 5 categories)", wikipediaExample, 0.21],
    // Every subject unanimous, two categories used: P̄ = 1, so kappa = 1.
    [
      "unanimous subjects",
      [
        [3, 0],
        [0, 3],
        [3, 0],
      ],
      1,
    ],
    // P̄ = 0 (every pair disagrees), P̄e = 0.5: kappa = -0.5 / 0.5.
    [
      "two raters always disagreeing",
      [
        [1, 1],
        [1, 1],
      ],
      -1,
    ],
    ["no subjects", [], null],
    [
      "one rater per subject",
      [
        [1, 0],
        [0, 1],
      ],
      null,
    ],
    [
      "every rating in one category (P̄e = 1)",
      [
        [0, 4],
        [0, 4],
      ],
      null,
    ],
  ])("%s -> %s", (_, table, expected) => {
    const kappa = fleissKappa(tallyRatingTable(table));
    if (expected === null) expect(kappa).toBeNull();
    else expect(kappa).toBeCloseTo(expected, 3);
  });

  it("refuses subjects with different numbers of ratings", () => {
    expect(() =>
      tallyRatingTable([
        [1, 1],
        [2, 1],
      ]),
    ).toThrow(RangeError);
  });
});
