import { describe, expect, it } from "vitest";
import { defaultLabelHotkey, fillLabelHotkeys, labelHotkeys } from "./labels";

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
