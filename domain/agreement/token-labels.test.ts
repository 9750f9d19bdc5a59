import { describe, expect, it } from "vitest";
import { tokenize } from "../tokenize";
import { spansOf, type SpanTuple } from "../test-support/agreement-documents";
import { createLabelCodes } from "./label-codes";
import { labelTokens } from "./token-labels";

const labelCodes = createLabelCodes(["A", "B", "P", "Q", "R", "X", "Y", "Z"]);

function tokenLabels(text: string, spans: readonly SpanTuple[]): string[] {
  const codes = labelTokens(tokenize(text), spansOf(spans), labelCodes);
  return Array.from(codes, (code) => labelCodes.names[code] ?? "?");
}

describe("labelTokens", () => {
  // "New York City": New [0, 3), York [4, 8), City [9, 13).
  it.each<[string, SpanTuple[], string[]]>([
    ["no spans", [], ["O", "O", "O"]],
    ["a span over one token", [[4, 8, "X"]], ["O", "X", "O"]],
    ["a span over two tokens", [[0, 8, "X"]], ["X", "X", "O"]],
    ["a span ending inside a token still labels it", [[4, 6, "X"]], ["O", "X", "O"]],
    ["a span starting after a token's first character does not", [[1, 8, "X"]], ["O", "X", "O"]],
    ["a span covering only the space labels nothing", [[3, 4, "X"]], ["O", "O", "O"]],
    [
      "the earliest-starting span wins",
      [
        [4, 13, "A"],
        [0, 8, "Z"],
      ],
      ["Z", "Z", "A"],
    ],
    [
      "at the same start, the longest wins",
      [
        [0, 8, "A"],
        [0, 13, "Z"],
      ],
      ["Z", "Z", "Z"],
    ],
    [
      "same start and end: the first label name wins",
      [
        [0, 8, "Z"],
        [0, 8, "A"],
      ],
      ["A", "A", "O"],
    ],
    [
      "order of the input does not matter",
      [
        [0, 8, "A"],
        [0, 8, "Z"],
      ],
      ["A", "A", "O"],
    ],
    [
      "identical duplicates change nothing",
      [
        [4, 8, "X"],
        [4, 8, "X"],
      ],
      ["O", "X", "O"],
    ],
  ])("%s", (_, spans, expected) => {
    expect(tokenLabels("New York City", spans)).toEqual(expected);
  });

  it("falls back to a later-starting span once the earlier one has ended", () => {
    // "aa bb cc dd": tokens at 0, 3, 6, 9. P covers the first three, Q starts inside "aa" and covers
    // the last three, R only "bb": P wins while it lasts (earliest start), then Q.
    const spans: SpanTuple[] = [
      [3, 5, "R"],
      [2, 11, "Q"],
      [0, 7, "P"],
    ];
    expect(tokenLabels("aa bb cc dd", spans)).toEqual(["P", "P", "P", "Q"]);
  });

  it.each<[string, string, SpanTuple[], string[]]>([
    // "😀" is one token of two UTF-16 units, "e\u0301t" one token of three: [0, 2) and [3, 6).
    ["an emoji token", "😀 e\u0301t", [[0, 2, "X"]], ["X", "O"]],
    ["a token with a combining mark", "😀 e\u0301t", [[3, 6, "X"]], ["O", "X"]],
    [
      "a span from the combining mark misses the token's first character",
      "😀 e\u0301t",
      [[4, 6, "X"]],
      ["O", "O"],
    ],
    // Tokens "👍" [0, 2), "🏽" [2, 4) (a modifier symbol, not a mark), "x" [4, 5).
    ["a span from the skin tone modifier", "👍🏽x", [[2, 5, "X"]], ["O", "X", "X"]],
  ])("%s", (_, text, spans, expected) => {
    expect(tokenLabels(text, spans)).toEqual(expected);
  });

  it("refuses a label the project does not have", () => {
    expect(() => tokenLabels("word", [[0, 4, "Unknown"]])).toThrow(/not a label of the project/);
  });
});
