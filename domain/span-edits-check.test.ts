import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import { withDetails, type LayerSpan, type LayerState } from "./layer-state";
import { spanKey, type RelationContent, type SpanContent, type SpanEdit } from "./span-edits";
import { describeOverlap, planSpanEdits, type LayerRules } from "./span-edits-check";

const text = "Troops crossed into the Kursk region in August.";
const at = (words: string, labelId: number): SpanContent => {
  const start = text.indexOf(words);
  return { start, end: start + words.length, labelId };
};
const LOC = 1;
const DATE = 2;
const rules: LayerRules = {
  text,
  allowOverlap: false,
  labels: new Map([
    [LOC, "LOC"],
    [DATE, "DATE"],
  ]),
};
const kursk = at("Kursk", LOC);
const layer = [kursk];
const stateOf = (spans: SpanContent[], relations: RelationContent[] = []) => ({
  spans: spans.map(withDetails),
  relations,
  choices: [],
});
const plan = (given: LayerRules, spans: SpanContent[], edits: SpanEdit[]) =>
  planSpanEdits(given, stateOf(spans), edits);
const keysOf = (state: LayerState<LayerSpan>) => state.spans.map(spanKey);
/** The spans a plan added and removed, by key, as the layer's spans changed. */
const changes = (before: SpanContent[], after: LayerState<LayerSpan>) => {
  const had = new Set(before.map(spanKey));
  const has = new Set(keysOf(after));
  return {
    added: keysOf(after).filter((key) => !had.has(key)),
    removed: before.map(spanKey).filter((key) => !has.has(key)),
  };
};

function refusal(edits: SpanEdit[], spans: SpanContent[] = layer, given = rules) {
  try {
    plan(given, spans, edits);
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return null;
}

describe("planSpanEdits", () => {
  it("quotes the texts of an overlap, not their offsets", () => {
    expect(refusal([{ kind: "add", spans: [at("the Kursk region", LOC)] }])).toBe(
      "BAD_REQUEST: “the Kursk region” overlaps the LOC span “Kursk”, and this project does not allow overlapping spans",
    );
  });

  it("judges the layer after all the edits, so a span may replace the one it overlaps", () => {
    const { state, applied } = plan(rules, layer, [
      { kind: "delete", spans: [kursk] },
      { kind: "add", spans: [at("the Kursk region", LOC), at("August", DATE)] },
    ]);
    expect(keysOf(state)).toEqual([at("the Kursk region", LOC), at("August", DATE)].map(spanKey));
    expect(applied[0]).toEqual({ kind: "delete", spans: [kursk] });
    expect(changes(layer, state).added).toHaveLength(2);
  });

  it("refuses overlaps among the added spans too, and allows them where the project does", () => {
    const nested = [at("Kursk region", LOC), at("region in", DATE)];
    expect(refusal([{ kind: "add", spans: nested }], [])).toMatch(
      /“Kursk region” overlaps the DATE span “region in”/,
    );
    expect(
      refusal([{ kind: "add", spans: nested }], [], { ...rules, allowOverlap: true }),
    ).toBeNull();
  });

  it("leaves overlaps the layer already had alone: only added spans are judged", () => {
    const legacy = [at("the Kursk", LOC), at("Kursk region", LOC)];
    expect(refusal([{ kind: "add", spans: [at("August", DATE)] }], legacy)).toBeNull();
  });

  it("refuses a span outside the text, splitting a character, or with another project's label", () => {
    expect(refusal([{ kind: "add", spans: [{ start: 40, end: 99, labelId: LOC }] }])).toMatch(
      /^BAD_REQUEST: span 40-99: end 99 is past the end/,
    );
    expect(refusal([{ kind: "add", spans: [{ start: 0, end: 1, labelId: 7 }] }])).toBe(
      "BAD_REQUEST: label 7 does not belong to this project",
    );
    const emoji = { ...rules, text: "a 😀 b" };
    expect(
      refusal([{ kind: "add", spans: [{ start: 0, end: 3, labelId: LOC }] }], [], emoji),
    ).toMatch(/split a character/);
  });

  it("changes nothing for an add already done or a delete of what is not there", () => {
    const { state, applied } = plan(rules, layer, [
      { kind: "add", spans: [kursk] },
      { kind: "delete", spans: [at("August", DATE)] },
    ]);
    expect(applied).toEqual([]);
    expect(changes(layer, state)).toEqual({ added: [], removed: [] });
  });

  it("merges a span relabelled onto an identical one, and takes a relabel already done as done", () => {
    const twins = [kursk, { ...kursk, labelId: DATE }];
    const relabel: SpanEdit = { kind: "relabel", ...kursk, from: LOC, to: DATE };
    const merged = plan({ ...rules, allowOverlap: true }, twins, [relabel]);
    expect(keysOf(merged.state)).toEqual([spanKey({ ...kursk, labelId: DATE })]);
    expect(changes(twins, merged.state).removed).toEqual([spanKey(kursk)]);
    expect(plan(rules, [{ ...kursk, labelId: DATE }], [relabel]).applied).toEqual([]);
  });

  it("says so when the span to relabel is gone", () => {
    const relabel: SpanEdit = { kind: "relabel", ...at("August", DATE), from: DATE, to: LOC };
    expect(refusal([relabel])).toBe("NOT_FOUND: the DATE span “August” is not there");
  });
});

describe("describeOverlap", () => {
  it("shortens a long quote in the middle", () => {
    const long = { start: 0, end: text.length };
    expect(describeOverlap(text, long, kursk, "LOC")).toMatch(
      /^“Troops crossed into …egion in August\.” overlaps the LOC span “Kursk”/,
    );
  });
});
