import { describe, expect, it } from "vitest";
import { wikipediaFleissExample } from "../test-support/agreement-documents";
import { fleissKappa, tallyRatingTable } from "./fleiss";

describe("fleissKappa", () => {
  it.each([
    [
      "Wikipedia's worked example (10 subjects x 14 raters x 5 categories)",
      wikipediaFleissExample,
      0.21,
    ],
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
