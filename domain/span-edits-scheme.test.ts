import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import { withDetails, type LayerSpan, type LayerState } from "./layer-state";
import type { LayerRules, LayerScheme } from "./layer-scheme";
import type { DetailedSpan, RelationContent, SpanContent, SpanEdit } from "./span-edits";
import { planSpanEdits } from "./span-edits-check";

const text = "Kim met Lee in Kursk and North and South Korea talked.";
const [PER, LOC, GPE] = [1, 2, 3];
const [locatedIn, meets] = [5, 6];
const [topic, tags] = [7, 8];
const at = (words: string, labelId: number, nth = 0): SpanContent => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1);
  return { start, end: start + words.length, labelId };
};
const scheme: LayerScheme = {
  relationTypes: [
    {
      id: locatedIn,
      name: "located_in",
      directed: true,
      sourceLabelIds: [PER],
      targetLabelIds: [LOC, GPE],
    },
    { id: meets, name: "meets", directed: false, sourceLabelIds: [], targetLabelIds: [] },
  ],
  attributes: [
    { id: 1, labelId: PER, name: "negated", kind: "boolean", options: [] },
    { id: 2, labelId: PER, name: "certainty", kind: "choice", options: ["low", "high"] },
    { id: 3, labelId: PER, name: "role", kind: "text", options: [] },
  ],
  documentLabelSets: [
    {
      id: topic,
      name: "topic",
      multiple: false,
      options: [
        { id: 71, name: "military" },
        { id: 72, name: "economy" },
      ],
    },
    {
      id: tags,
      name: "tags",
      multiple: true,
      options: [
        { id: 81, name: "war" },
        { id: 82, name: "trade" },
      ],
    },
  ],
};
const rules: LayerRules = {
  text,
  allowOverlap: false,
  labels: new Map([
    [PER, "PER"],
    [LOC, "LOC"],
    [GPE, "GPE"],
  ]),
  scheme,
};
const kim = at("Kim", PER);
const lee = at("Lee", PER);
const kursk = at("Kursk", LOC);
const north = at("North", GPE);
const kimInKursk: RelationContent = { source: kim, target: kursk, typeId: locatedIn };
const layer = (
  spans: DetailedSpan[] = [kim, lee, kursk, north],
  relations: RelationContent[] = [kimInKursk],
  choices: number[] = [],
): LayerState<LayerSpan> => ({
  spans: spans.map(withDetails),
  relations,
  choices,
});

function refusal(edits: SpanEdit[], state = layer()) {
  try {
    planSpanEdits(rules, state, edits);
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return null;
}

describe("relations", () => {
  it("refuses an end that is not in the layer, naming it", () => {
    const elsewhere = { source: kim, target: at("Korea", GPE), typeId: locatedIn };
    expect(refusal([{ kind: "relate", relations: [elsewhere] }])).toBe(
      "NOT_FOUND: cannot relate “Kim” to “Korea” as located_in: the GPE “Korea” span is not in this layer",
    );
  });

  it("refuses a span related to itself and a type of another project", () => {
    expect(
      refusal([{ kind: "relate", relations: [{ source: kim, target: kim, typeId: meets }] }]),
    ).toBe("BAD_REQUEST: cannot relate the PER “Kim” span to itself");
    expect(refusal([{ kind: "relate", relations: [{ ...kimInKursk, typeId: 99 }] }])).toBe(
      "BAD_REQUEST: relation type 99 does not belong to this project",
    );
  });

  it("refuses labels the type does not allow at either end, naming type and labels", () => {
    expect(
      refusal([
        { kind: "relate", relations: [{ source: kursk, target: north, typeId: locatedIn }] },
      ]),
    ).toBe("BAD_REQUEST: located_in cannot start at the LOC “Kursk” span: it takes PER");
    expect(
      refusal([{ kind: "relate", relations: [{ source: kim, target: lee, typeId: locatedIn }] }]),
    ).toBe("BAD_REQUEST: located_in cannot end at the PER “Lee” span: it takes LOC, GPE");
  });

  it("refuses relabelling an end to a label its relation does not allow", () => {
    expect(refusal([{ kind: "relabel", ...kursk, from: LOC, to: PER }])).toBe(
      "BAD_REQUEST: located_in cannot end at the PER “Kursk” span: it takes LOC, GPE",
    );
  });

  it("names an undirected relation with its earlier span first, either way it is drawn", () => {
    const { state, applied } = planSpanEdits(rules, layer(), [
      { kind: "relate", relations: [{ source: lee, target: kim, typeId: meets }] },
      { kind: "relate", relations: [{ source: kim, target: lee, typeId: meets }] },
    ]);
    expect(applied).toEqual([
      { kind: "relate", relations: [{ source: kim, target: lee, typeId: meets }] },
    ]);
    expect(state.relations).toHaveLength(2);
  });

  it("keeps a relation through a resize and drops it with its span", () => {
    const resized = planSpanEdits(rules, layer(), [
      { kind: "resize", span: kursk, start: kursk.start, end: kursk.end + 4 },
    ]);
    expect(resized.state.relations).toEqual([
      { ...kimInKursk, target: { ...kursk, end: kursk.end + 4 } },
    ]);
    const deleted = planSpanEdits(rules, layer(), [{ kind: "delete", spans: [kim] }]);
    expect(deleted.state.relations).toEqual([]);
    expect(deleted.applied[0]).toEqual({ kind: "unrelate", relations: [kimInKursk] });
  });
});

describe("resizing", () => {
  it("refuses a span that is gone, one onto another, and a range that overlaps", () => {
    expect(refusal([{ kind: "resize", span: at("Korea", GPE), start: 0, end: 3 }])).toBe(
      "NOT_FOUND: the GPE span “Korea” is not there",
    );
    const twin = planSpanEdits(rules, layer([kim, { ...kim, labelId: LOC }], []), []).state;
    expect(
      refusal([{ kind: "resize", span: kim, start: kim.start, end: kim.end }], twin),
    ).toBeNull();
    expect(refusal([{ kind: "resize", span: lee, start: kim.start, end: lee.end }])).toBe(
      "BAD_REQUEST: “Kim met Lee” overlaps the PER span “Kim”, and this project does not allow overlapping spans",
    );
  });
});

describe("attributes and notes", () => {
  const describe_ = (to: Partial<DetailedSpan>): SpanEdit => ({
    kind: "describe",
    span: kim,
    from: {},
    to,
  });
  it.each<[string, Partial<DetailedSpan>, string]>([
    [
      "an attribute the label lacks",
      { attributes: { colour: "red" } },
      "PER has no attribute colour (on PER “Kim”)",
    ],
    [
      "a boolean given text",
      { attributes: { negated: "yes" } },
      'negated on PER “Kim” takes true or false, not "yes"',
    ],
    [
      "a choice outside its options",
      { attributes: { certainty: "maybe" } },
      'certainty on PER “Kim” takes one of low, high, not "maybe"',
    ],
    ["text given a flag", { attributes: { role: true } }, "role on PER “Kim” takes text, not true"],
    [
      "a long note",
      { note: "x".repeat(10_001) },
      "the note on PER “Kim” is 10001 characters long; at most 10000",
    ],
  ])("refuses %s", (_, to, message) => {
    expect(refusal([describe_(to)])).toBe(`BAD_REQUEST: ${message}`);
  });

  it("takes values of each kind, and refuses an added span with a foreign attribute", () => {
    const to = {
      attributes: { negated: true, certainty: "high", role: "envoy" },
      note: "named twice",
    };
    const { state } = planSpanEdits(rules, layer(), [describe_(to)]);
    expect(state.spans[0]).toMatchObject(to);
    expect(
      refusal([{ kind: "add", spans: [{ ...at("Korea", GPE), attributes: { negated: true } }] }]),
    ).toBe("BAD_REQUEST: GPE has no attribute negated (on GPE “Korea”)");
  });

  it("refuses relabelling a span to a label without its attributes", () => {
    const flagged = layer([{ ...kim, attributes: { negated: true } }], []);
    expect(refusal([{ kind: "relabel", ...kim, from: PER, to: LOC }], flagged)).toBe(
      "BAD_REQUEST: LOC has no attribute negated (on LOC “Kim”)",
    );
  });
});

describe("fragments", () => {
  const south = at("South", GPE);
  const fragmentOf = (range: SpanContent): [number, number] => [range.start, range.end];
  it("adds a further piece to a span, kept in order", () => {
    const korea = at("Korea", GPE);
    const { state } = planSpanEdits(rules, layer([north], []), [
      { kind: "describe", span: north, from: {}, to: { fragments: [fragmentOf(korea), [0, 3]] } },
    ]);
    expect(state.spans[0]?.fragments).toEqual([[0, 3], fragmentOf(korea)]);
  });

  it("refuses a fragment outside the text, over the span, over another fragment or another span", () => {
    const on = (fragments: [number, number][]) =>
      refusal([{ kind: "describe", span: north, from: {}, to: { fragments } }]);
    expect(on([[50, 99]])).toMatch(
      /^BAD_REQUEST: fragment 50-99 of GPE “North”: end 99 is past the end/,
    );
    expect(on([[north.start + 1, north.end + 2]])).toBe(
      "BAD_REQUEST: the fragment “orth a” of GPE “North” overlaps the span itself",
    );
    expect(on([fragmentOf(south), [south.start + 1, south.end]])).toBe(
      "BAD_REQUEST: the fragment “outh” of GPE “North” overlaps its fragment “South”",
    );
    expect(on([fragmentOf(kursk)])).toBe(
      "BAD_REQUEST: “Kursk” overlaps the LOC span “Kursk”, and this project does not allow overlapping spans",
    );
  });

  it("refuses a span over another span's fragment", () => {
    const split = layer([{ ...north, fragments: [fragmentOf(south)] }], []);
    expect(refusal([{ kind: "add", spans: [{ ...south, labelId: LOC }] }], split)).toBe(
      "BAD_REQUEST: “South” overlaps the GPE span “South”, and this project does not allow overlapping spans",
    );
  });
});

describe("document labels", () => {
  it("chooses options, one at most in a single-choice set", () => {
    const { state } = planSpanEdits(rules, layer(), [
      { kind: "choose", setId: topic, from: [], to: [71] },
      { kind: "choose", setId: tags, from: [], to: [81, 82] },
    ]);
    expect(state.choices).toEqual([71, 81, 82]);
    expect(
      refusal(
        [{ kind: "choose", setId: topic, from: [], to: [72] }],
        layer(undefined, undefined, [71]),
      ),
    ).toBe("BAD_REQUEST: topic takes one option, not 2 (military, economy)");
  });

  it("refuses a set of another project and an option of another set", () => {
    expect(refusal([{ kind: "choose", setId: 99, from: [], to: [71] }])).toBe(
      "BAD_REQUEST: document label set 99 does not belong to this project",
    );
    expect(refusal([{ kind: "choose", setId: topic, from: [], to: [81] }])).toBe(
      "BAD_REQUEST: option 81 is not one of topic's options",
    );
  });
});
