import { describe, expect, it } from "vitest";
import {
  defaultLabelHotkey,
  fillLabelHotkeys,
  findLabelNameProblem,
  labelHotkeys,
  labelTooltip,
  maxLabelNameLength,
} from "./labels";

describe("defaultLabelHotkey", () => {
  it("gives the digits first, then letters", () => {
    expect([0, 8, 9, 10, 19, 20].map(defaultLabelHotkey)).toEqual(["1", "9", "q", "w", "a", "s"]);
  });

  it("never gives a key the annotation page uses for navigation, and never one twice", () => {
    for (const reserved of ["j", "k", "n", "?", "/", "[", "]"]) {
      expect(labelHotkeys).not.toContain(reserved);
    }
    expect(new Set(labelHotkeys).size).toBe(labelHotkeys.length);
  });

  it("runs out after the last key", () => {
    expect(defaultLabelHotkey(labelHotkeys.length)).toBeNull();
  });
});

describe("fillLabelHotkeys", () => {
  it("keeps chosen hotkeys and gives the others the first free ones", () => {
    const labels = [
      { name: "A", hotkey: "1" },
      { name: "B", hotkey: null },
      { name: "C", hotkey: "2" },
      { name: "D", hotkey: null },
    ];
    expect(fillLabelHotkeys(labels).map((label) => label.hotkey)).toEqual(["1", "3", "2", "4"]);
  });
});

describe("findLabelNameProblem", () => {
  it("accepts a name of the greatest length, counted in characters", () => {
    expect(findLabelNameProblem("P".repeat(maxLabelNameLength))).toBeNull();
    expect(findLabelNameProblem("😀".repeat(maxLabelNameLength))).toBeNull();
  });

  it("refuses a longer name, saying how long it is and what the limit is", () => {
    expect(findLabelNameProblem("P".repeat(200))).toBe(
      `label "${"P".repeat(20)}…" is 200 characters long: a label name has at most 50`,
    );
  });

  it.each([
    ["", "label name is empty"],
    ["PER\u0000", "label name holds a control character (U+0000) at character 4"],
    ["\ud800", "label name holds half of a character (a lone surrogate) at character 1"],
    [" PER", 'label " PER" has leading or trailing spaces'],
    ["O", 'label "O" is reserved for tokens outside any span'],
  ])("refuses %j", (name, problem) => {
    expect(findLabelNameProblem(name)).toBe(problem);
  });
});

describe("labelTooltip", () => {
  it("names the label in full, with its description when it has one", () => {
    expect(labelTooltip({ name: "PER", description: "" })).toBe("PER");
    expect(labelTooltip({ name: "PER", description: "a person" })).toBe("PER: a person");
  });
});
