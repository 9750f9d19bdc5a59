import { describe, expect, it } from "vitest";
import { rowSums, toRows } from "./count-matrix";
import { categoryAlpha, coincidencesOfUnits, nominalAlpha } from "./krippendorff";

type ReliabilityData = readonly (readonly (number | null)[])[];

/** Reliability data as printed in the literature (one row per observer, null = missing) -> units. */
function unitsOf(observers: ReliabilityData): number[][] {
  const unitCount = observers[0]?.length ?? 0;
  return Array.from({ length: unitCount }, (_, u) =>
    observers.flatMap((row) => (row[u] === null || row[u] === undefined ? [] : [row[u]])),
  );
}

const alphaOf = (observers: ReliabilityData, categories: number) =>
  nominalAlpha(coincidencesOfUnits(unitsOf(observers), categories));

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
 * twelve units, values 1-5, missing values. Values are shifted to codes 0-4.
 */
const krippendorff2011C: ReliabilityData = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
].map((row) => row.map((value) => (value === null ? null : value - 1)));

/** Krippendorff (2011), section A: two observers, binary data, ten units, no missing values. */
const krippendorff2011A: ReliabilityData = [
  [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
  [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
];

describe("nominalAlpha", () => {
  it.each([
    [
      "Krippendorff 2011 section C, 4 observers x 12 units, missing values",
      krippendorff2011C,
      5,
      0.743,
    ],
    ["Krippendorff 2011 section A, 2 observers x 10 binary units", krippendorff2011A, 2, 0.095],
  ])("%s: alpha = %d", (_, observers, categories, expected) => {
    expect(alphaOf(observers, categories)).toBeCloseTo(expected, 3);
  });

  it("builds the coincidence matrix printed in Krippendorff 2011 section C", () => {
    const coincidences = coincidencesOfUnits(unitsOf(krippendorff2011C), 5);
    const third = 1 / 3;
    const expected = [
      [7, 4 * third, third, third, 0],
      [4 * third, 10, 4 * third, third, 0],
      [third, 4 * third, 8, third, 0],
      [third, third, third, 4, 0],
      [0, 0, 0, 0, 3],
    ];
    toRows(coincidences, [0, 1, 2, 3, 4]).forEach((row, c) =>
      row.forEach((cell, k) => expect(cell).toBeCloseTo(expected[c]?.[k] ?? NaN, 12)),
    );
    // n_c = 9, 13, 10, 5, 3 and n = 40 pairable values (unit 12 has a single value).
    rowSums(coincidences).forEach((n, c) => expect(n).toBeCloseTo([9, 13, 10, 5, 3][c] ?? NaN, 12));
  });

  it.each([
    [
      "perfect agreement on two categories",
      [
        [0, 1, 1],
        [0, 1, 1],
      ],
      2,
      1,
    ],
    [
      "no unit with two values (nothing pairable)",
      [
        [0, null],
        [null, 1],
      ],
      2,
      null,
    ],
    ["no units at all", [[], []], 2, null],
    [
      "one category for every value (expected agreement 1)",
      [
        [1, 1],
        [1, 1],
      ],
      3,
      null,
    ],
    // Observed disagreement 2 of 4 pairable values, all unit-internal: alpha = 1 - 3 * 2 / (2 * 2 * 2).
    [
      "systematic disagreement",
      [
        [0, 1],
        [1, 0],
      ],
      2,
      -0.5,
    ],
  ])("%s -> %s", (_, observers, categories, expected) => {
    const alpha = alphaOf(observers, categories);
    if (expected === null) expect(alpha).toBeNull();
    else expect(alpha).toBeCloseTo(expected, 12);
  });
});

describe("categoryAlpha", () => {
  it.each([0, 1, 2, 3, 4])(
    "equals the nominal alpha of the data recoded to category %i vs other (Krippendorff 2011 C)",
    (category) => {
      const recoded = krippendorff2011C.map((row) =>
        row.map((value) => (value === null ? null : value === category ? 1 : 0)),
      );
      const fromFullMatrix = categoryAlpha(
        coincidencesOfUnits(unitsOf(krippendorff2011C), 5),
        category,
      );
      expect(fromFullMatrix).toBeCloseTo(alphaOf(recoded, 2) ?? NaN, 12);
    },
  );

  it("is null for a category nobody used", () => {
    expect(
      categoryAlpha(
        coincidencesOfUnits(
          [
            [0, 1],
            [1, 1],
          ],
          3,
        ),
        2,
      ),
    ).toBeNull();
  });
});
