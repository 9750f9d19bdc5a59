import { describe, expect, it } from "vitest";
import type { SpanContent, SpanEdit } from "./span-edits";
import {
  describeAcceptedAgreed,
  describeAcceptedVariant,
  describeGoldStatus,
  describeRejectedRegion,
  describeReplay,
  describeSpanEdit,
  describeSpanEdits,
} from "./span-edit-wording";

const text = "NATO said troops left Kursk and Kursk region on Monday.";
const [ORG, LOC, GPE] = [1, 2, 3];
const context = {
  text,
  labels: new Map([ORG, LOC, GPE].map((id, i) => [id, ["ORG", "LOC", "GPE"][i] ?? ""])),
};

function at(word: string, labelId: number, nth = 0): SpanContent {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(word, start + 1);
  return { start, end: start + word.length, labelId };
}

const nato = at("NATO", ORG);
const kursk = at("Kursk", LOC);
const again = at("Kursk", LOC, 1);

describe("describeSpanEdit", () => {
  it.each<[string, SpanEdit, string | null]>([
    ["a tag", { kind: "add", spans: [kursk] }, "Tagged “Kursk” as LOC"],
    ["a deletion", { kind: "delete", spans: [nato] }, "Deleted ORG “NATO”"],
    [
      "a relabel",
      { kind: "relabel", ...kursk, from: LOC, to: GPE },
      "Relabelled LOC “Kursk” as GPE",
    ],
    ["several tags of one label", { kind: "add", spans: [kursk, again] }, "Tagged 2 spans as LOC"],
    ["several tags of mixed labels", { kind: "add", spans: [kursk, nato] }, "Tagged 2 spans"],
    [
      "several deletions of one label",
      { kind: "delete", spans: [kursk, again] },
      "Deleted 2 LOC spans",
    ],
    [
      "several deletions of mixed labels",
      { kind: "delete", spans: [kursk, nato] },
      "Deleted 2 spans",
    ],
    ["nothing added", { kind: "add", spans: [] }, null],
    ["a relabel onto the same label", { kind: "relabel", ...kursk, from: LOC, to: LOC }, null],
  ])("words %s", (_, edit, expected) => {
    expect(describeSpanEdit(context, edit)).toBe(expected);
  });

  it("quotes a long span shortened in the middle, and never names offsets", () => {
    const long = { start: 0, end: text.length, labelId: ORG };
    const said = describeSpanEdit(context, { kind: "add", spans: [long] }) ?? "";
    expect(said).toBe("Tagged “NATO said troops lef…egion on Monday.” as ORG");
    expect(said).not.toMatch(/\d/);
  });
});

describe("describeSpanEdits and describeReplay", () => {
  it("says the steps of one change in turn", () => {
    const edits: SpanEdit[] = [
      { kind: "delete", spans: [{ ...kursk, labelId: GPE }] },
      { kind: "add", spans: [kursk] },
    ];
    expect(describeSpanEdits(context, edits)).toBe("Deleted GPE “Kursk”, tagged “Kursk” as LOC");
    expect(describeSpanEdits(context, [{ kind: "add", spans: [] }])).toBeNull();
  });

  it.each<["undo" | "redo", string | null, string]>([
    ["undo", "Deleted ORG “NATO”", "Undone: deleted ORG “NATO”"],
    ["redo", "Tagged “Kursk” as LOC", "Redone: tagged “Kursk” as LOC"],
    ["undo", null, "Undone."],
  ])("words a %s of %s", (which, description, expected) => {
    expect(describeReplay(which, description)).toBe(expected);
  });
});

describe("curation", () => {
  it("says what accepting a variant replaced, or that gold had it", () => {
    const replaced: SpanEdit[] = [
      { kind: "delete", spans: [{ ...kursk, labelId: GPE }] },
      { kind: "add", spans: [kursk] },
    ];
    expect(describeAcceptedVariant(context, kursk, replaced)).toBe(
      "Accepted LOC “Kursk” into gold, replacing GPE “Kursk”",
    );
    expect(describeAcceptedVariant(context, kursk, [{ kind: "add", spans: [kursk] }])).toBe(
      "Accepted LOC “Kursk” into gold",
    );
    expect(describeAcceptedVariant(context, kursk, [])).toBe("Gold already has LOC “Kursk”");
  });

  it("says what rejecting a region deleted from gold", () => {
    expect(describeRejectedRegion(context, kursk, [{ kind: "delete", spans: [kursk] }])).toBe(
      "Rejected “Kursk”: deleted LOC “Kursk” from gold",
    );
    expect(describeRejectedRegion(context, nato, [])).toBe(
      "Rejected “NATO”: gold has no span there",
    );
  });

  it("counts agreed spans and names the gold status", () => {
    expect(describeAcceptedAgreed(3)).toBe("Accepted 3 agreed spans into gold");
    expect(describeAcceptedAgreed(1)).toBe("Accepted 1 agreed span into gold");
    expect(describeAcceptedAgreed(0)).toBe("No agreed spans left to accept");
    expect(describeGoldStatus("curated")).toBe("Gold marked curated");
    expect(describeGoldStatus("in_progress")).toBe("Gold reopened: in progress");
  });
});
