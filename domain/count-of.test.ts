import { describe, expect, it } from "vitest";
import { countOf } from "./count-of";

describe("countOf", () => {
  it.each([
    [0, "span", undefined, "0 spans"],
    [1, "span", undefined, "1 span"],
    [2, "span", undefined, "2 spans"],
    [1, "new document", undefined, "1 new document"],
    [1, "match", "matches", "1 match"],
    [3, "match", "matches", "3 matches"],
  ])("%i %s", (count, noun, plural, expected) => {
    expect(countOf(count, noun, plural)).toBe(expected);
  });
});
