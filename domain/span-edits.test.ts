import { describe, expect, it } from "vitest";
import {
  applyEdit,
  invertEdit,
  resolveEdit,
  spanKey,
  type SpanContent,
  type SpanEdit,
} from "./span-edits";

const span = (start: number, end: number, labelId: number): SpanContent => ({
  start,
  end,
  labelId,
});
const create = (content: SpanContent) => ({ ...content });
const keys = (spans: SpanContent[]) => spans.map(spanKey);

const layer = [span(0, 3, 1), span(8, 11, 2)];

describe("applyEdit", () => {
  it("adds spans in order and keeps the untouched span objects", () => {
    const after = applyEdit(layer, { kind: "add", spans: [span(4, 7, 1)] }, create);
    expect(keys(after)).toEqual(["0:3:1", "4:7:1", "8:11:2"]);
    expect(after[0]).toBe(layer[0]);
    expect(after[2]).toBe(layer[1]);
  });

  it("adds a span already there once", () => {
    expect(keys(applyEdit(layer, { kind: "add", spans: [span(0, 3, 1)] }, create))).toEqual(
      keys(layer),
    );
  });

  it("deletes spans and ignores ones that are not there", () => {
    const edit: SpanEdit = { kind: "delete", spans: [span(0, 3, 1), span(20, 25, 1)] };
    expect(keys(applyEdit(layer, edit, create))).toEqual(["8:11:2"]);
  });

  it("relabels a span, and merges it into an identical span with the new label", () => {
    const relabel: SpanEdit = { kind: "relabel", start: 0, end: 3, from: 1, to: 2 };
    expect(keys(applyEdit(layer, relabel, create))).toEqual(["0:3:2", "8:11:2"]);
    const twins = [span(0, 3, 1), span(0, 3, 2)];
    expect(keys(applyEdit(twins, relabel, create))).toEqual(["0:3:2"]);
  });

  it("does nothing to relabel a span that is not there", () => {
    const relabel: SpanEdit = { kind: "relabel", start: 4, end: 5, from: 1, to: 2 };
    expect(keys(applyEdit(layer, relabel, create))).toEqual(keys(layer));
  });
});

describe("invertEdit", () => {
  it.each<[string, SpanEdit]>([
    ["an add", { kind: "add", spans: [span(4, 7, 1), span(12, 14, 2)] }],
    ["a delete", { kind: "delete", spans: [span(8, 11, 2)] }],
    ["a relabel", { kind: "relabel", start: 0, end: 3, from: 1, to: 3 }],
  ])("undoes %s", (_, edit) => {
    const after = applyEdit(layer, edit, create);
    expect(keys(applyEdit(after, invertEdit(edit), create))).toEqual(keys(layer));
    expect(invertEdit(invertEdit(edit))).toEqual(edit);
  });
});

describe("resolveEdit", () => {
  it("turns relabelling onto an identical span into deleting the relabelled one", () => {
    const twins = [span(0, 3, 1), span(0, 3, 2)];
    expect(resolveEdit(twins, { kind: "relabel", start: 0, end: 3, from: 1, to: 2 })).toEqual({
      kind: "delete",
      spans: [span(0, 3, 1)],
    });
    const relabel: SpanEdit = { kind: "relabel", start: 8, end: 11, from: 2, to: 1 };
    expect(resolveEdit(layer, relabel)).toBe(relabel);
  });

  it("takes relabelling a span to its own label as no change", () => {
    const same: SpanEdit = { kind: "relabel", start: 0, end: 3, from: 1, to: 1 };
    expect(keys(applyEdit(layer, same, create))).toEqual(keys(layer));
  });
});
