import { describe, expect, it } from "vitest";
import {
  applyEdit,
  resolveEdits,
  withDetails,
  type LayerSpan,
  type LayerState,
} from "./layer-state";
import {
  invertEdit,
  invertEdits,
  normalizeRelation,
  spanKey,
  type RelationContent,
  type SpanContent,
  type SpanEdit,
} from "./span-edits";

const span = (start: number, end: number, labelId: number): SpanContent => ({
  start,
  end,
  labelId,
});
const create = (content: LayerSpan) => ({ ...content });
const keys = (state: LayerState<LayerSpan>) => state.spans.map(spanKey);
const stateOf = (
  spans: SpanContent[],
  relations: RelationContent[] = [],
  choices: number[] = [],
): LayerState<LayerSpan> => ({ spans: spans.map(withDetails), relations, choices });

const layer = stateOf([span(0, 3, 1), span(8, 11, 2)]);
const [first, second] = layer.spans as [LayerSpan, LayerSpan];
const related = stateOf(
  [span(0, 3, 1), span(8, 11, 2), span(14, 18, 1)],
  [
    { source: span(0, 3, 1), target: span(8, 11, 2), typeId: 5 },
    { source: span(8, 11, 2), target: span(14, 18, 1), typeId: 5 },
  ],
  [31],
);

describe("applyEdit", () => {
  it("adds spans in order and keeps the untouched span objects", () => {
    const after = applyEdit(layer, { kind: "add", spans: [span(4, 7, 1)] }, create);
    expect(keys(after)).toEqual(["0:3:1", "4:7:1", "8:11:2"]);
    expect(after.spans[0]).toBe(first);
    expect(after.spans[2]).toBe(second);
  });

  it("adds a span already there once, and a span with its details", () => {
    expect(keys(applyEdit(layer, { kind: "add", spans: [span(0, 3, 1)] }, create))).toEqual(
      keys(layer),
    );
    const noted = applyEdit(
      layer,
      { kind: "add", spans: [{ ...span(4, 7, 1), note: "n" }] },
      create,
    );
    expect(noted.spans[1]).toEqual({ ...span(4, 7, 1), attributes: {}, note: "n", fragments: [] });
  });

  it("deletes spans, ignores ones that are not there, and takes their relations along", () => {
    const edit: SpanEdit = { kind: "delete", spans: [span(0, 3, 1), span(20, 25, 1)] };
    expect(keys(applyEdit(layer, edit, create))).toEqual(["8:11:2"]);
    const after = applyEdit(related, { kind: "delete", spans: [span(8, 11, 2)] }, create);
    expect(after.relations).toEqual([]);
  });

  it("relabels a span keeping its details and relations, and merges it into an identical span", () => {
    const relabel: SpanEdit = { kind: "relabel", start: 0, end: 3, from: 1, to: 2 };
    expect(keys(applyEdit(layer, relabel, create))).toEqual(["0:3:2", "8:11:2"]);
    const twins = stateOf([span(0, 3, 1), span(0, 3, 2)]);
    expect(keys(applyEdit(twins, relabel, create))).toEqual(["0:3:2"]);
    const after = applyEdit(related, relabel, create);
    expect(after.relations[0]).toEqual({
      source: span(0, 3, 2),
      target: span(8, 11, 2),
      typeId: 5,
    });
    expect(after.relations[1]).toBe(related.relations[1]);
  });

  it("does nothing to relabel a span that is not there", () => {
    const relabel: SpanEdit = { kind: "relabel", start: 4, end: 5, from: 1, to: 2 };
    expect(applyEdit(layer, relabel, create)).toBe(layer);
  });

  it("resizes a span keeping its label, details and relations", () => {
    const noted = applyEdit(
      related,
      { kind: "describe", span: span(0, 3, 1), from: {}, to: { note: "x" } },
      create,
    );
    const after = applyEdit(
      noted,
      { kind: "resize", span: span(0, 3, 1), start: 0, end: 5 },
      create,
    );
    expect(after.spans[0]).toMatchObject({ ...span(0, 5, 1), note: "x" });
    expect(after.relations[0]?.source).toEqual(span(0, 5, 1));
  });

  it("describes a span, relates and unrelates spans, chooses document labels", () => {
    const described = applyEdit(
      layer,
      { kind: "describe", span: span(0, 3, 1), from: {}, to: { attributes: { negated: true } } },
      create,
    );
    expect(described.spans[0]?.attributes).toEqual({ negated: true });
    expect(described.spans[1]).toBe(second);
    const relation = { source: span(0, 3, 1), target: span(8, 11, 2), typeId: 5 };
    const drawn = applyEdit(layer, { kind: "relate", relations: [relation, relation] }, create);
    expect(drawn.relations).toEqual([relation]);
    expect(applyEdit(drawn, { kind: "unrelate", relations: [relation] }, create).relations).toEqual(
      [],
    );
    const chosen = applyEdit(related, { kind: "choose", setId: 3, from: [31], to: [32] }, create);
    expect(chosen.choices).toEqual([32]);
  });
});

describe("resolveEdits", () => {
  it("turns deleting a related span into unrelating its relations, then deleting it with its details", () => {
    const noted = applyEdit(
      related,
      { kind: "describe", span: span(8, 11, 2), from: {}, to: { note: "n" } },
      create,
    );
    expect(resolveEdits(noted, { kind: "delete", spans: [span(8, 11, 2)] })).toEqual([
      { kind: "unrelate", relations: related.relations },
      { kind: "delete", spans: [{ ...span(8, 11, 2), note: "n" }] },
    ]);
  });

  it("turns relabelling onto an identical span into deleting the relabelled one", () => {
    const twins = stateOf([span(0, 3, 1), span(0, 3, 2)]);
    expect(resolveEdits(twins, { kind: "relabel", start: 0, end: 3, from: 1, to: 2 })).toEqual([
      { kind: "delete", spans: [span(0, 3, 1)] },
    ]);
    const relabel: SpanEdit = { kind: "relabel", start: 8, end: 11, from: 2, to: 1 };
    expect(resolveEdits(layer, relabel)).toEqual([relabel]);
  });

  it("takes a change to what is already so as no change", () => {
    expect(resolveEdits(layer, { kind: "relabel", start: 0, end: 3, from: 1, to: 1 })).toEqual([]);
    expect(resolveEdits(layer, { kind: "resize", span: span(0, 3, 1), start: 0, end: 3 })).toEqual(
      [],
    );
    expect(
      resolveEdits(layer, { kind: "describe", span: span(0, 3, 1), from: {}, to: { note: "" } }),
    ).toEqual([]);
    expect(resolveEdits(related, { kind: "choose", setId: 3, from: [], to: [31] })).toEqual([]);
    expect(resolveEdits(related, { kind: "relate", relations: [...related.relations] })).toEqual(
      [],
    );
  });

  it("records what a description or a choice really replaced", () => {
    const flagged = applyEdit(
      layer,
      { kind: "describe", span: span(0, 3, 1), from: {}, to: { attributes: { a: true } } },
      create,
    );
    expect(
      resolveEdits(flagged, {
        kind: "describe",
        span: span(0, 3, 1),
        from: {},
        to: { attributes: {}, note: "n" },
      }),
    ).toEqual([
      {
        kind: "describe",
        span: span(0, 3, 1),
        from: { attributes: { a: true }, note: "" },
        to: { attributes: {}, note: "n" },
      },
    ]);
    expect(resolveEdits(related, { kind: "choose", setId: 3, from: [31, 40], to: [32] })).toEqual([
      { kind: "choose", setId: 3, from: [31], to: [32] },
    ]);
  });
});

describe("invertEdit", () => {
  const relation = { source: span(0, 3, 1), target: span(8, 11, 2), typeId: 6 };
  it.each<[string, SpanEdit]>([
    ["an add", { kind: "add", spans: [span(4, 7, 1), { ...span(12, 14, 2), note: "n" }] }],
    ["a delete of a related span", { kind: "delete", spans: [span(8, 11, 2)] }],
    ["a relabel", { kind: "relabel", start: 0, end: 3, from: 1, to: 3 }],
    ["a resize", { kind: "resize", span: span(0, 3, 1), start: 1, end: 6 }],
    [
      "a description",
      { kind: "describe", span: span(0, 3, 1), from: {}, to: { note: "n", fragments: [[20, 22]] } },
    ],
    ["a relation", { kind: "relate", relations: [relation] }],
    ["an unrelation", { kind: "unrelate", relations: [...related.relations] }],
    ["a choice", { kind: "choose", setId: 3, from: [31], to: [32, 33] }],
  ])("undoes %s through what it resolved to", (_, edit) => {
    const resolved = resolveEdits(related, edit);
    expect(resolved.length).toBeGreaterThan(0);
    const after = resolved.reduce((state, step) => applyEdit(state, step, create), related);
    const back = invertEdits(resolved).reduce(
      (state, step) => applyEdit(state, step, create),
      after,
    );
    expect(back).toEqual(related);
    expect(invertEdit(invertEdit(edit))).toEqual(edit);
  });
});

describe("normalizeRelation", () => {
  it("puts an undirected relation's earlier span first and leaves a directed one alone", () => {
    const backwards = { source: span(8, 11, 2), target: span(0, 3, 1), typeId: 5 };
    expect(normalizeRelation(backwards, true)).toBe(backwards);
    expect(normalizeRelation(backwards, false)).toEqual({
      source: span(0, 3, 1),
      target: span(8, 11, 2),
      typeId: 5,
    });
  });
});
