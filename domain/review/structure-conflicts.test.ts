import { describe, expect, it } from "vitest";
import type { Span } from "../spans";
import {
  findAttributeConflicts,
  findDocumentLabelConflicts,
  findRelationConflicts,
  type AnnotatorStructure,
  type StructureScheme,
} from "./structure-conflicts";

const kim: Span = { start: 0, end: 3, label: "PER" };
const lee: Span = { start: 8, end: 11, label: "PER" };
const kursk: Span = { start: 15, end: 20, label: "LOC" };

const scheme: StructureScheme = {
  attributes: [
    { label: "PER", name: "negated", kind: "boolean" },
    { label: "PER", name: "certainty", kind: "choice" },
  ],
  documentLabelSets: [{ name: "topic" }, { name: "stance" }],
};

const layer = (annotator: string, fields: Partial<AnnotatorStructure>): AnnotatorStructure => ({
  annotator,
  spans: [],
  relations: [],
  choices: {},
  ...fields,
});

describe("findRelationConflicts", () => {
  it("says who drew which relation between which spans, in text order", () => {
    const conflicts = findRelationConflicts([
      layer("ann", {
        relations: [
          { type: "located_in", source: lee, target: kursk },
          { type: "met", source: kim, target: lee },
        ],
      }),
      layer("bob", {
        relations: [
          { type: "located_in", source: lee, target: kursk },
          { type: "knows", source: lee, target: kim },
        ],
      }),
      layer("cy", { relations: [{ type: "located_in", source: lee, target: kursk }] }),
    ]);
    expect(conflicts).toEqual([
      {
        kind: "conflict",
        ends: [kim, lee],
        variants: [
          { type: "met", source: kim, target: lee, annotators: ["ann"] },
          { type: "knows", source: lee, target: kim, annotators: ["bob"] },
        ],
        without: ["cy"],
      },
      {
        kind: "agreed",
        ends: [lee, kursk],
        variants: [
          { type: "located_in", source: lee, target: kursk, annotators: ["ann", "bob", "cy"] },
        ],
        without: [],
      },
    ]);
  });

  it("tells a reversed relation from the same one", () => {
    const [conflict] = findRelationConflicts([
      layer("ann", { relations: [{ type: "located_in", source: kim, target: kursk }] }),
      layer("bob", { relations: [{ type: "located_in", source: kursk, target: kim }] }),
    ]);
    expect(conflict?.kind).toBe("conflict");
    expect(conflict?.variants.map((v) => v.annotators)).toEqual([["ann"], ["bob"]]);
  });
});

describe("findAttributeConflicts", () => {
  it("compares the attributes of spans marked alike, unset booleans as false", () => {
    const conflicts = findAttributeConflicts(
      [
        layer("ann", {
          spans: [{ ...kim, attributes: { negated: true, certainty: "high" } }, kursk, lee],
        }),
        layer("bob", { spans: [{ ...kim, attributes: { certainty: "high" } }, kursk] }),
      ],
      scheme,
    );
    // Lee is ann's alone, Kursk's label has no attributes.
    expect(conflicts).toEqual([
      {
        kind: "conflict",
        span: kim,
        attribute: "negated",
        variants: [
          { value: true, annotators: ["ann"] },
          { value: false, annotators: ["bob"] },
        ],
      },
      {
        kind: "agreed",
        span: kim,
        attribute: "certainty",
        variants: [{ value: "high", annotators: ["ann", "bob"] }],
      },
    ]);
  });
});

describe("findDocumentLabelConflicts", () => {
  it("lists every set with each annotator's answer, none being an answer too", () => {
    expect(
      findDocumentLabelConflicts(
        [
          layer("ann", { choices: { topic: ["war", "aid"], stance: ["pro"] } }),
          layer("bob", { choices: { topic: ["aid", "war"] } }),
        ],
        scheme,
      ),
    ).toEqual([
      {
        kind: "agreed",
        set: "topic",
        variants: [{ options: ["aid", "war"], annotators: ["ann", "bob"] }],
      },
      {
        kind: "conflict",
        set: "stance",
        variants: [
          { options: ["pro"], annotators: ["ann"] },
          { options: [], annotators: ["bob"] },
        ],
      },
    ]);
  });
});
