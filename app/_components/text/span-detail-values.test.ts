import { describe, expect, it } from "vitest";
import {
  describeDetails,
  nextAttributeValue,
  setAttributeEdit,
  setNoteEdit,
  type TextAttribute,
} from "./span-detail-values";

const negated: TextAttribute = {
  id: 1,
  labelId: 7,
  name: "negated",
  kind: "boolean",
  options: [],
  hotkey: "n",
};
const certainty: TextAttribute = {
  id: 2,
  labelId: 7,
  name: "certainty",
  kind: "choice",
  options: ["low", "high"],
  hotkey: "c",
};
const comment: TextAttribute = { ...negated, id: 3, name: "comment", kind: "text", hotkey: null };
const span = { start: 0, end: 3, labelId: 7, attributes: {}, note: "", fragments: [] };

describe("nextAttributeValue", () => {
  it("toggles a flag on and off", () => {
    expect(nextAttributeValue(negated, undefined)).toBe(true);
    expect(nextAttributeValue(negated, true)).toBeUndefined();
  });
  it("steps a one-of attribute through its options and back to unset", () => {
    expect(nextAttributeValue(certainty, undefined)).toBe("low");
    expect(nextAttributeValue(certainty, "low")).toBe("high");
    expect(nextAttributeValue(certainty, "high")).toBeUndefined();
    expect(nextAttributeValue(certainty, "gone")).toBe("low");
  });
  it("has no next value for free text", () => {
    expect(nextAttributeValue(comment, "x")).toBeNull();
  });
});

describe("setAttributeEdit", () => {
  it("describes the whole attribute record before and after", () => {
    const described = { ...span, attributes: { negated: true } };
    expect(setAttributeEdit(described, "certainty", "high")).toEqual({
      kind: "describe",
      span: { start: 0, end: 3, labelId: 7 },
      from: { attributes: { negated: true } },
      to: { attributes: { negated: true, certainty: "high" } },
    });
  });
  it("unsets with undefined or an empty text, and does nothing when nothing changes", () => {
    const described = { ...span, attributes: { negated: true } };
    expect(setAttributeEdit(described, "negated", undefined)).toMatchObject({
      to: { attributes: {} },
    });
    expect(setAttributeEdit(span, "comment", "")).toBeNull();
    expect(setAttributeEdit(described, "negated", true)).toBeNull();
  });
});

describe("setNoteEdit", () => {
  it("keeps the note trimmed and skips a note that would not change", () => {
    expect(setNoteEdit(span, "  unsure  ")).toMatchObject({
      from: { note: "" },
      to: { note: "unsure" },
    });
    expect(setNoteEdit({ ...span, note: "unsure" }, "unsure ")).toBeNull();
  });
});

describe("describeDetails", () => {
  it("names flags, values and the note, in a stable order", () => {
    expect(
      describeDetails({ attributes: { negated: true, certainty: "high" }, note: "check" }),
    ).toBe("certainty high, negated, has a note");
    expect(describeDetails({ attributes: {}, note: "" })).toBe("");
    expect(describeDetails({ attributes: { negated: false }, note: "" })).toBe("");
  });
});
