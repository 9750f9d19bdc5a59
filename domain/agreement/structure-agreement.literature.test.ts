/**
 * The literature's examples through the structure metrics: every unit becomes a document (its
 * document labels) or a span both annotators marked (its attribute), every missing value an
 * annotator who left the set unanswered.
 */
import { describe, expect, it } from "vitest";
import { wikipediaFleissExample } from "../test-support/agreement-documents";
import { computeProjectAgreement } from "./project-agreement";
import type { AgreementDocument, AgreementScheme } from "./types";

const noScheme: AgreementScheme = { relationTypes: [], attributes: [], documentLabelSets: [] };

/** One document per unit, each observer's value (null: unanswered) as the set's one option. */
function documentsOf(observers: Record<string, (string | null)[]>, set: string) {
  const units = Object.values(observers)[0]?.length ?? 0;
  return Array.from({ length: units }, (_, unit): AgreementDocument => ({
    id: unit + 1,
    text: "x",
    annotations: Object.entries(observers).map(([annotator, values]) => {
      const value = values[unit];
      return { annotator, spans: [], choices: value ? { [set]: [value] } : {} };
    }),
  }));
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C.
const krippendorff2011C: Record<string, (string | null)[]> = {
  A: ["1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null],
  B: ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"],
  C: [null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null],
  D: ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null],
};

describe("document-label agreement on published examples", () => {
  it.each([false, true])(
    "gives alpha = 0.743 on Krippendorff 2011 section C (multi-choice: %s, MASI of one-option answers is nominal)",
    (multiple) => {
      const result = computeProjectAgreement({
        labels: [],
        scheme: { ...noScheme, documentLabelSets: [{ name: "value", multiple }] },
        documents: documentsOf(krippendorff2011C, "value"),
      });
      const [value] = result.documentLabels;
      expect(value?.alpha).toBeCloseTo(0.743, 3);
      expect(value?.units).toBe(11); // unit 12 has a single value
      expect(value?.fleissUnits).toBe(multiple ? 0 : 8); // units 2-9 have all four values
    },
  );

  it("gives Fleiss' kappa = 0.210 (Wikipedia's worked example: 10 subjects x 14 raters)", () => {
    const raters = Array.from({ length: 14 }, (_, i) => `rater${String(i + 1).padStart(2, "0")}`);
    // The table only counts ratings per category, so hand them out to the raters in order.
    const observers = Object.fromEntries(raters.map((rater) => [rater, [] as string[]]));
    for (const counts of wikipediaFleissExample) {
      const ratings = counts.flatMap((count, j) => Array<string>(count).fill(`c${j + 1}`));
      raters.forEach((rater, i) => observers[rater]?.push(ratings[i] ?? "?"));
    }
    const result = computeProjectAgreement({
      labels: [],
      scheme: { ...noScheme, documentLabelSets: [{ name: "category", multiple: false }] },
      documents: documentsOf(observers, "category"),
    });
    expect(result.documentLabels[0]?.fleissKappa).toBeCloseTo(0.21, 3);
    expect(result.documentLabels[0]?.fleissUnits).toBe(10);
  });

  it("gives Cohen's kappa = 0.4 (Wikipedia: 50 proposals, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no)", () => {
    const answers = (yes: (i: number) => boolean) =>
      Array.from({ length: 50 }, (_, i) => (yes(i) ? "yes" : "no"));
    const result = computeProjectAgreement({
      labels: [],
      scheme: { ...noScheme, documentLabelSets: [{ name: "grant", multiple: false }] },
      documents: documentsOf(
        { A: answers((i) => i < 25), B: answers((i) => i < 20 || (i >= 25 && i < 35)) },
        "grant",
      ),
    });
    expect(result.documentLabels[0]?.cohenKappa).toEqual([
      { a: "A", b: "B", kappa: expect.closeTo(0.4, 12), documents: 50 },
    ]);
  });
});

describe("attribute agreement on a published example", () => {
  it("gives alpha = 0.095 on Krippendorff 2011 section A (2 observers x 10 binary units)", () => {
    const observers = {
      A: [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      B: [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    };
    // Ten one-character spans "x" at 0, 2, 4, ... of "x x x ...", marked by both observers.
    const text = Array<string>(10).fill("x").join(" ");
    const spansOf = (values: number[]) =>
      values.map((value, i) => ({
        start: 2 * i,
        end: 2 * i + 1,
        label: "EVENT",
        attributes: { hedged: value === 1 },
      }));
    const result = computeProjectAgreement({
      labels: ["EVENT"],
      scheme: { ...noScheme, attributes: [{ label: "EVENT", name: "hedged", kind: "boolean" }] },
      documents: [
        {
          id: 1,
          text,
          annotations: Object.entries(observers).map(([annotator, values]) => ({
            annotator,
            spans: spansOf(values),
          })),
        },
      ],
    });
    expect(result.attributes).toEqual([
      {
        label: "EVENT",
        attribute: "hedged",
        kind: "boolean",
        alpha: expect.closeTo(0.095, 3),
        units: 10,
      },
    ]);
  });
});
