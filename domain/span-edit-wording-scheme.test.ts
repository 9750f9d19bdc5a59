import { describe, expect, it } from "vitest";
import type { LayerScheme } from "./layer-scheme";
import { describeReplay, describeSpanEdit, describeSpanEdits } from "./span-edit-wording";
import type { SpanContent, SpanEdit } from "./span-edits";

const text = "Kim was seen in Kursk region today.";
const [PER, LOC] = [1, 2];
const scheme: LayerScheme = {
  relationTypes: [
    { id: 5, name: "located_in", directed: true, sourceLabelIds: [], targetLabelIds: [] },
  ],
  attributes: [],
  documentLabelSets: [
    {
      id: 7,
      name: "topic",
      multiple: false,
      options: [
        { id: 71, name: "military" },
        { id: 72, name: "economy" },
      ],
    },
  ],
};
const context = {
  text,
  labels: new Map([
    [PER, "PER"],
    [LOC, "LOC"],
  ]),
  scheme,
};
const at = (words: string, labelId: number): SpanContent => {
  const start = text.indexOf(words);
  return { start, end: start + words.length, labelId };
};
const kim = at("Kim", PER);
const kursk = at("Kursk", LOC);
const region = at("Kursk region", LOC);
const relation = { source: kim, target: kursk, typeId: 5 };

describe("describeSpanEdit for relations, details and document labels", () => {
  it.each<[string, SpanEdit, string | null]>([
    [
      "a relation",
      { kind: "relate", relations: [relation] },
      "Related “Kim” to “Kursk” as located_in",
    ],
    [
      "several relations",
      { kind: "relate", relations: [relation, { ...relation, target: region }] },
      "Drew 2 located_in relations",
    ],
    [
      "a removed relation",
      { kind: "unrelate", relations: [relation] },
      "Removed the located_in relation from “Kim” to “Kursk”",
    ],
    [
      "a flag set",
      {
        kind: "describe",
        span: kim,
        from: { attributes: {} },
        to: { attributes: { negated: true } },
      },
      "Set negated on PER “Kim”",
    ],
    [
      "a flag cleared",
      {
        kind: "describe",
        span: kim,
        from: { attributes: { negated: true } },
        to: { attributes: {} },
      },
      "Cleared negated on PER “Kim”",
    ],
    [
      "a value set",
      {
        kind: "describe",
        span: kim,
        from: { attributes: {} },
        to: { attributes: { certainty: "high" } },
      },
      "Set certainty to high on PER “Kim”",
    ],
    [
      "a note",
      { kind: "describe", span: kim, from: { note: "" }, to: { note: "seen twice" } },
      "Noted on PER “Kim”: seen twice",
    ],
    [
      "a note removed",
      { kind: "describe", span: kim, from: { note: "x" }, to: { note: "" } },
      "Removed the note on PER “Kim”",
    ],
    [
      "a fragment",
      {
        kind: "describe",
        span: kim,
        from: { fragments: [] },
        to: { fragments: [[kursk.start, kursk.end]] },
      },
      "Added “Kursk” to PER “Kim”",
    ],
    [
      "a resize",
      { kind: "resize", span: kursk, start: region.start, end: region.end },
      "Resized LOC “Kursk” to “Kursk region”",
    ],
    ["a choice", { kind: "choose", setId: 7, from: [], to: [71] }, "Chose topic: military"],
    [
      "a changed choice",
      { kind: "choose", setId: 7, from: [71], to: [72] },
      "Chose topic: economy instead of military",
    ],
    [
      "a cleared choice",
      { kind: "choose", setId: 7, from: [71], to: [] },
      "Cleared topic: military",
    ],
    ["no change of details", { kind: "describe", span: kim, from: {}, to: {} }, null],
  ])("words %s", (_, edit, expected) => {
    expect(describeSpanEdit(context, edit)).toBe(expected);
  });

  it("says a deleted span's relations as part of the deletion, and its undo likewise", () => {
    const step: SpanEdit[] = [
      { kind: "unrelate", relations: [relation] },
      { kind: "delete", spans: [kim] },
    ];
    expect(describeSpanEdits(context, step)).toBe("Deleted PER “Kim” with 1 relation");
    expect(describeReplay("undo", describeSpanEdits(context, step))).toBe(
      "Undone: deleted PER “Kim” with 1 relation",
    );
  });
});
