import { describe, expect, it } from "vitest";
import { spansOf, type SpanTuple } from "../test-support/agreement-documents";
import { createSpanSet, matchSpanSets } from "./span-f1";

const setOf = (spans: readonly SpanTuple[]) => createSpanSet(spansOf(spans));

/** Matches summed over labels, as { exact, relaxed }. */
function totalMatches(a: readonly SpanTuple[], b: readonly SpanTuple[]) {
  let exact = 0;
  let relaxed = 0;
  for (const matches of matchSpanSets(setOf(a), setOf(b)).values()) {
    exact += matches.exact;
    relaxed += matches.relaxed;
  }
  return { exact, relaxed };
}

describe("createSpanSet", () => {
  it("keeps identical spans once", () => {
    expect(
      setOf([
        [0, 3, "X"],
        [0, 3, "X"],
        [0, 3, "Y"],
        [0, 4, "X"],
      ]).size,
    ).toBe(3);
  });
});

describe("matchSpanSets", () => {
  it.each<[string, SpanTuple[], SpanTuple[], { exact: number; relaxed: number }]>([
    [
      "identical spans",
      [
        [0, 3, "X"],
        [5, 8, "Y"],
      ],
      [
        [0, 3, "X"],
        [5, 8, "Y"],
      ],
      { exact: 2, relaxed: 4 },
    ],
    ["touching spans do not overlap", [[0, 3, "X"]], [[3, 6, "X"]], { exact: 0, relaxed: 0 }],
    ["one shared character overlaps", [[0, 4, "X"]], [[3, 6, "X"]], { exact: 0, relaxed: 2 }],
    ["overlap needs the same label", [[0, 4, "X"]], [[0, 4, "Y"]], { exact: 0, relaxed: 0 }],
    ["exact needs the same end", [[0, 4, "X"]], [[0, 5, "X"]], { exact: 0, relaxed: 2 }],
    // The A span overlaps two B spans (counted once); each B span overlaps it (counted twice).
    [
      "one span over two",
      [[0, 10, "X"]],
      [
        [0, 2, "X"],
        [5, 7, "X"],
      ],
      { exact: 0, relaxed: 3 },
    ],
    // [5, 6) overlaps [0, 10) although [2, 3), which starts later, ends before it.
    [
      "an early long span reaching past a later short one",
      [[5, 6, "X"]],
      [
        [0, 10, "X"],
        [2, 3, "X"],
      ],
      { exact: 0, relaxed: 2 },
    ],
    [
      "identical duplicates count once",
      [
        [0, 3, "X"],
        [0, 3, "X"],
      ],
      [[0, 3, "X"]],
      { exact: 1, relaxed: 2 },
    ],
    ["nothing on one side", [[0, 3, "X"]], [], { exact: 0, relaxed: 0 }],
  ])("%s", (_, a, b, expected) => {
    expect(totalMatches(a, b)).toEqual(expected);
    // Both measures are symmetric.
    expect(totalMatches(b, a)).toEqual(expected);
  });

  it("reports matches per label", () => {
    const matches = matchSpanSets(
      setOf([
        [0, 3, "X"],
        [4, 6, "Y"],
        [8, 9, "Z"],
      ]),
      setOf([
        [0, 3, "X"],
        [5, 7, "Y"],
      ]),
    );
    expect(Object.fromEntries(matches)).toEqual({
      X: { exact: 1, relaxed: 2 },
      Y: { exact: 0, relaxed: 2 },
    });
  });
});
