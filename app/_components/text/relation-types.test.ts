import { describe, expect, it } from "vitest";
import {
  describeRelations,
  orientRelation,
  typesAllowedBetween,
  type TextRelationType,
} from "./relation-types";

const per = { start: 0, end: 3, labelId: 1 };
const loc = { start: 10, end: 15, labelId: 2 };
const type = (id: number, changes: Partial<TextRelationType> = {}): TextRelationType => ({
  id,
  name: `type${id}`,
  color: "#123456",
  hotkey: null,
  directed: true,
  sourceLabelIds: [],
  targetLabelIds: [],
  ...changes,
});

describe("typesAllowedBetween", () => {
  it("offers the types whose labels fit the pair, empty lists allowing any label", () => {
    const types = [
      type(1),
      type(2, { sourceLabelIds: [1], targetLabelIds: [2] }),
      type(3, { sourceLabelIds: [2], targetLabelIds: [1] }),
    ];
    expect(typesAllowedBetween(types, per, loc).map((t) => t.id)).toEqual([1, 2]);
    expect(typesAllowedBetween(types, loc, per).map((t) => t.id)).toEqual([1, 3]);
  });

  it("judges an undirected type from the earlier span, however the pair was picked", () => {
    const types = [
      type(4, { sourceLabelIds: [1], targetLabelIds: [2], directed: false }),
      type(5, { sourceLabelIds: [2], targetLabelIds: [1], directed: false }),
    ];
    expect(typesAllowedBetween(types, per, loc).map((t) => t.id)).toEqual([4]);
    expect(typesAllowedBetween(types, loc, per).map((t) => t.id)).toEqual([4]);
  });
});

describe("orientRelation", () => {
  it("keeps a directed relation as picked and starts an undirected one at the earlier span", () => {
    expect(orientRelation(type(1), loc, per)).toEqual({ source: loc, target: per, typeId: 1 });
    expect(orientRelation(type(2, { directed: false }), loc, per)).toEqual({
      source: per,
      target: loc,
      typeId: 2,
    });
  });
});

describe("describeRelations", () => {
  it("names a relation by its ends and type, with an arrow only when directed", () => {
    const quote = (span: { start: number }) => (span.start === 0 ? "Kim" : "Kursk");
    const arcs = describeRelations(
      [
        { source: per, target: loc, typeId: 1 },
        { source: per, target: loc, typeId: 2 },
        { source: per, target: loc, typeId: 9 },
      ],
      [type(1, { name: "located_in" }), type(2, { name: "near", directed: false })],
      quote,
    );
    expect(arcs.map((arc) => arc.name)).toEqual(["Kim — located_in → Kursk", "Kim — near — Kursk"]);
  });
});
