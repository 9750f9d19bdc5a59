import { describe, expect, it } from "vitest";
import type { Span } from "../spans";
import { computeProjectAgreement } from "./project-agreement";
import type {
  AgreementInput,
  AgreementRelation,
  AgreementScheme,
  SubmittedAnnotation,
} from "./types";

// "Kim met Lee in Kursk." Kim [0, 3), Lee [8, 11), Kursk [15, 20), "Kursk." [15, 21).
const text = "Kim met Lee in Kursk.";
const kim: Span = { start: 0, end: 3, label: "PER" };
const lee: Span = { start: 8, end: 11, label: "PER" };
const kursk: Span = { start: 15, end: 20, label: "LOC" };
const kurskWide: Span = { start: 15, end: 21, label: "LOC" };

const scheme: AgreementScheme = {
  relationTypes: [
    { name: "located_in", directed: true },
    { name: "met", directed: false },
    { name: "unused", directed: true },
  ],
  attributes: [
    { label: "PER", name: "negated", kind: "boolean" },
    { label: "PER", name: "comment", kind: "text" },
    { label: "PER", name: "certainty", kind: "choice" },
  ],
  documentLabelSets: [{ name: "stance", multiple: false }],
};

const relation = (type: string, source: Span, target: Span): AgreementRelation => ({
  type,
  source,
  target,
});

const agreementOf = (documents: AgreementInput["documents"]) =>
  computeProjectAgreement({ labels: ["PER", "LOC"], scheme, documents });

describe("relation agreement, computed by hand", () => {
  const result = agreementOf([
    {
      id: 1,
      text,
      annotations: [
        {
          annotator: "A",
          spans: [kim, lee, kursk],
          relations: [
            relation("met", kim, lee),
            relation("located_in", kim, kursk),
            relation("located_in", lee, kursk),
            relation("located_in", lee, kursk), // the same relation twice counts once
          ],
        },
        {
          annotator: "B",
          spans: [kim, lee, kursk, kurskWide],
          relations: [
            relation("met", lee, kim), // undirected: the same as A's met(Kim, Lee)
            relation("located_in", kim, kursk), // exactly A's
            relation("located_in", lee, kurskWide), // A's, with a wider target: relaxed only
            relation("located_in", kursk, kim), // reversed directed relation: matches nothing
          ],
        },
        { annotator: "C", spans: [kim] },
      ],
    },
  ]);

  it("gives exact and relaxed F1 per pair", () => {
    // A: 3 relations, B: 4, exact matches met and located_in(Kim, Kursk): exact F1 = 2·2 / 7.
    // Relaxed: A's three each match one of B's, and B's first three each match one of A's
    // (located_in(Kursk, Kim) has a LOC source where A's have PER): (3 + 3) / 7.
    // A and C, B and C: C drew no relation, so nothing matches: 0 / 3 and 0 / 4.
    expect(result.relations.pairs).toEqual([
      { a: "A", b: "B", exactF1: 4 / 7, relaxedF1: 6 / 7, relations: 7, documents: 1 },
      { a: "A", b: "C", exactF1: 0, relaxedF1: 0, relations: 3, documents: 1 },
      { a: "B", b: "C", exactF1: 0, relaxedF1: 0, relations: 4, documents: 1 },
    ]);
  });

  it("gives exact F1 per type over every pair, for the types with relations", () => {
    // located_in: A 2, B 3, C 0; one exact match (A-B): 2·1 / (5 + 2 + 3). met: A 1, B 1; one
    // exact match: 2·1 / (2 + 1 + 1).
    expect(result.relations.perType).toEqual([
      { type: "located_in", exactF1: 2 / 10, counts: { A: 2, B: 3, C: 0 } },
      { type: "met", exactF1: 2 / 4, counts: { A: 1, B: 1, C: 0 } },
    ]);
  });

  it("is undefined for a pair without any relation", () => {
    const empty = agreementOf([
      {
        id: 1,
        text,
        annotations: [
          { annotator: "A", spans: [kim] },
          { annotator: "B", spans: [kim] },
        ],
      },
    ]);
    expect(empty.relations).toEqual({
      pairs: [{ a: "A", b: "B", exactF1: null, relaxedF1: null, relations: 0, documents: 1 }],
      perType: [],
    });
  });
});

describe("attribute agreement, computed by hand", () => {
  const result = agreementOf([
    {
      id: 1,
      text,
      annotations: [
        {
          annotator: "A",
          spans: [
            { ...kim, attributes: { negated: true, certainty: "high", comment: "x" } },
            { ...lee, attributes: {} },
            kursk,
          ],
        },
        {
          annotator: "B",
          spans: [
            { ...kim, attributes: { negated: true, certainty: "low", comment: "y" } },
            { ...lee, attributes: { negated: false, certainty: "high" } },
            // Only B marked "Kursk." as a person: not a unit.
            { ...kurskWide, label: "PER", attributes: { negated: true } },
          ],
        },
        { annotator: "C", spans: [{ ...kim, attributes: { certainty: "high" } }] },
      ],
    },
  ]);

  it("computes nominal alpha per attribute over the spans marked alike, free text left out", () => {
    // Units: Kim (A, B, C) and Lee (A, B).
    // negated (unset = false): Kim true, true, false; Lee false, false. Kim's three values add
    // 1/2 per ordered pair: o_tt = 1, o_tf = o_ft = 1; Lee's two add o_ff = 2. n_t = 2, n_f = 3,
    // n = 5: alpha = 1 − 4 · 2 / (2 · 2 · 3) = 1/3.
    // certainty (unset its own value): Kim high, low, high: o_hh = 1, o_hl = o_lh = 1; Lee unset,
    // high: o_uh = o_hu = 1. n_h = 3, n_l = 1, n_u = 1, n = 5; Σ_{c≠k} o = 4,
    // Σ_{c≠k} n_c·n_k = 2 · (3 + 3 + 1) = 14: alpha = 1 − 4 · 4 / 14 = −1/7.
    expect(result.attributes).toEqual([
      {
        label: "PER",
        attribute: "negated",
        kind: "boolean",
        alpha: expect.closeTo(1 / 3, 12),
        units: 2,
      },
      {
        label: "PER",
        attribute: "certainty",
        kind: "choice",
        alpha: expect.closeTo(-1 / 7, 12),
        units: 2,
      },
    ]);
  });
});

describe("document-label agreement, computed by hand", () => {
  const answer = (annotator: string, stance?: string): SubmittedAnnotation => ({
    annotator,
    spans: [],
    choices: stance ? { stance: [stance] } : {},
  });
  const result = agreementOf([
    { id: 1, text, annotations: [answer("A", "pos"), answer("B", "pos"), answer("C", "neg")] },
    { id: 2, text, annotations: [answer("A", "neg"), answer("B", "neg"), answer("C", "neg")] },
    { id: 3, text, annotations: [answer("A", "pos"), answer("B", "neg"), answer("C")] },
    { id: 4, text, annotations: [answer("A", "pos"), answer("C")] },
  ]);
  const [stance] = result.documentLabels;

  it("computes nominal alpha over the documents two or more annotators answered", () => {
    // Document 1 (pos, pos, neg) adds 1/2 per ordered pair: o_pp = 1, o_pn = o_np = 1; document
    // 2 (neg ×3): o_nn = 3; document 3 (pos, neg; C did not answer): o_pn = o_np = 1 more;
    // document 4 has one answer. n_p = 3, n_n = 5, n = 8: alpha = 1 − 7 · 4 / (2 · 15) = 1/15.
    expect(stance).toMatchObject({ set: "stance", multiple: false, distance: "nominal", units: 3 });
    expect(stance?.alpha).toBeCloseTo(1 / 15, 12);
  });

  it("computes Cohen's kappa per pair and Fleiss' kappa over the documents all answered", () => {
    // A-B over 1-3: agree 2 of 3; A pos 2 neg 1, B pos 1 neg 2: (3·2 − 4) / (9 − 4) = 2/5.
    // A-C and B-C over 1-2: agree 1 of 2; (pos 1, neg 1) vs (neg 2): (2·1 − 2) / (4 − 2) = 0.
    expect(stance?.cohenKappa).toEqual([
      { a: "A", b: "B", kappa: expect.closeTo(2 / 5, 12), documents: 3 },
      { a: "A", b: "C", kappa: 0, documents: 2 },
      { a: "B", b: "C", kappa: 0, documents: 2 },
    ]);
    // Documents 1 and 2: rows (2, 1) and (0, 3). P̄ = (2 + 0 + 0 + 6) / (2 · 3 · 2) = 2/3;
    // p = (2/6, 4/6), P̄e = 5/9: kappa = (2/3 − 5/9) / (1 − 5/9) = 1/4.
    expect(stance?.fleissKappa).toBeCloseTo(1 / 4, 12);
    expect(stance?.fleissUnits).toBe(2);
  });

  it("uses MASI distance for a multi-choice set, and no kappas", () => {
    const topics = computeProjectAgreement({
      labels: [],
      scheme: { ...scheme, documentLabelSets: [{ name: "topic", multiple: true }] },
      documents: [
        [["x"], ["x"]],
        [["x", "y"], ["x"]],
        [["y"], ["z"]],
      ].map(([a, b], i) => ({
        id: i + 1,
        text,
        annotations: [
          { annotator: "A", spans: [], choices: { topic: a ?? [] } },
          { annotator: "B", spans: [], choices: { topic: b ?? [] } },
        ],
      })),
    });
    // The case of masi.test.ts: alpha = 14/64, where nominal alpha would give 1/6.
    expect(topics.documentLabels).toEqual([
      {
        set: "topic",
        multiple: true,
        alpha: expect.closeTo(14 / 64, 12),
        distance: "masi",
        units: 3,
        cohenKappa: [],
        fleissKappa: null,
        fleissUnits: 0,
      },
    ]);
  });
});
