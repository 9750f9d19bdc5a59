import { describe, expect, it } from "vitest";
import {
  chooseEdit,
  describeChoices,
  optionOfHotkey,
  type DocumentLabelSet,
} from "./document-label-choices";

const topic: DocumentLabelSet = {
  id: 1,
  name: "topic",
  multiple: true,
  options: [
    { id: 10, name: "military", hotkey: "m" },
    { id: 11, name: "politics", hotkey: "p" },
  ],
};
const stance: DocumentLabelSet = {
  id: 2,
  name: "stance",
  multiple: false,
  options: [
    { id: 20, name: "neutral", hotkey: "u" },
    { id: 21, name: "hostile", hotkey: "h" },
  ],
};

describe("chooseEdit", () => {
  it("toggles an option of a multi-choice set, in the set's order", () => {
    expect(chooseEdit(topic, [11, 20], 10)).toEqual({
      kind: "choose",
      setId: 1,
      from: [11],
      to: [10, 11],
    });
    expect(chooseEdit(topic, [10, 11], 10)).toMatchObject({ from: [10, 11], to: [11] });
  });
  it("replaces a single-choice set's choice, and clears it when picked again", () => {
    expect(chooseEdit(stance, [10, 20], 21)).toEqual({
      kind: "choose",
      setId: 2,
      from: [20],
      to: [21],
    });
    expect(chooseEdit(stance, [21], 21)).toMatchObject({ from: [21], to: [] });
  });
});

describe("optionOfHotkey", () => {
  it("finds the option and its set", () => {
    expect(optionOfHotkey([topic, stance], "h")?.option.name).toBe("hostile");
    expect(optionOfHotkey([topic, stance], "h")?.set).toBe(stance);
    expect(optionOfHotkey([topic, stance], "z")).toBeNull();
  });
});

describe("describeChoices", () => {
  it("names each set's chosen options", () => {
    expect(describeChoices([topic, stance], [10, 11, 20])).toBe(
      "topic: military, politics · stance: neutral",
    );
    expect(describeChoices([topic, stance], [])).toBe("");
  });
});
