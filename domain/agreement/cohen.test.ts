import { describe, expect, it } from "vitest";
import { cohenKappa, tallyContingencyTable } from "./cohen";

describe("cohenKappa", () => {
  it.each([
    // Wikipedia, "Cohen's kappa", simple example: 50 grant proposals read by A and B (yes/no);
    // p_o = 0.7, p_e = 0.5, kappa = 0.4.
    [
      "50 proposals, yes/no",
      [
        [20, 5],
        [10, 15],
      ],
      0.4,
    ],
    // Wikipedia, "Same percentages but different numbers": the same 60% agreement gives 0.1304 ...
    [
      "same agreement, balanced marginals",
      [
        [45, 15],
        [25, 15],
      ],
      0.1304,
    ],
    // ... and 0.2593 when the marginals differ.
    [
      "same agreement, unbalanced marginals",
      [
        [25, 35],
        [5, 35],
      ],
      0.2593,
    ],
    [
      "perfect agreement on two categories",
      [
        [7, 0],
        [0, 3],
      ],
      1,
    ],
    [
      "no items",
      [
        [0, 0],
        [0, 0],
      ],
      null,
    ],
    [
      "both raters always in one category (p_e = 1)",
      [
        [9, 0],
        [0, 0],
      ],
      null,
    ],
  ])("%s -> %s", (_, table, expected) => {
    const kappa = cohenKappa(tallyContingencyTable(table));
    if (expected === null) expect(kappa).toBeNull();
    else expect(kappa).toBeCloseTo(expected, 4);
  });
});
