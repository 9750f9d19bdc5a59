/**
 * The literature's examples again, this time through the whole token pipeline: every unit becomes
 * a token, every value a span, every missing value an annotator who did not submit the document.
 */
import { describe, expect, it } from "vitest";
import { tokenize } from "../tokenize";
import { computeProjectAgreement } from "./project-agreement";
import {
  documentOf,
  wikipediaFleissExample,
  type SpanTuple,
} from "../test-support/agreement-documents";

const oneTokenSpan = (label: string): SpanTuple[] => [[0, 1, label]];

describe("computeProjectAgreement on published examples", () => {
  it("gives Krippendorff's alpha = 0.743 (Krippendorff 2011, section C: 4 observers x 12 units)", () => {
    // One single-token document per unit; an observer who left a unit blank did not submit it.
    const observers: Record<string, (number | null)[]> = {
      A: [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      B: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      C: [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      D: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    };
    const documents = Array.from({ length: 12 }, (_, unit) => {
      const submissions = Object.entries(observers).flatMap(([observer, values]) => {
        const value = values[unit];
        return value === null || value === undefined ? [] : [[observer, oneTokenSpan(`v${value}`)]];
      });
      return documentOf(unit + 1, "x", Object.fromEntries(submissions));
    });

    const result = computeProjectAgreement({ labels: ["v1", "v2", "v3", "v4", "v5"], documents });

    expect(result.token.krippendorffAlpha).toBeCloseTo(0.743, 3);
    expect(result.token.alphaUnits).toBe(11); // unit 12 has a single value
    expect(result.documents.map((document) => document.id)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    expect(result.token.fleissUnits).toBe(8); // units 2-9 have all four values
  });

  it("gives Fleiss' kappa = 0.210 (Wikipedia's worked example: 10 subjects x 14 raters)", () => {
    const table = wikipediaFleissExample;
    const raters = Array.from({ length: 14 }, (_, i) => `rater${String(i + 1).padStart(2, "0")}`);
    // The table only counts ratings per category, so hand them out to the raters in order.
    const documents = table.map((counts, subject) => {
      const categories = counts.flatMap((count, j) => Array<string>(count).fill(`c${j + 1}`));
      return documentOf(
        subject + 1,
        "x",
        Object.fromEntries(raters.map((rater, i) => [rater, oneTokenSpan(categories[i] ?? "?")])),
      );
    });

    const result = computeProjectAgreement({ labels: ["c1", "c2", "c3", "c4", "c5"], documents });

    expect(result.token.fleissKappa).toBeCloseTo(0.21, 3);
    expect(result.token.fleissUnits).toBe(10);
    expect(result.token.cohenKappa).toHaveLength((14 * 13) / 2);
  });

  it("gives Cohen's kappa = 0.4 (Wikipedia: 50 proposals, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no)", () => {
    const text = Array<string>(50).fill("w").join(" ");
    const tokens = tokenize(text);
    // Reader A says yes to proposals 0-24, reader B to 0-19 and 25-34: "Yes" is a span, "no" is "O".
    const yes = (from: number, to: number): SpanTuple[] =>
      tokens.slice(from, to).map((token) => [token.start, token.end, "Yes"]);
    const document = documentOf(1, text, { A: yes(0, 25), B: [...yes(0, 20), ...yes(25, 35)] });

    const result = computeProjectAgreement({ labels: ["Yes"], documents: [document] });

    expect(result.token.cohenKappa).toEqual([
      { a: "A", b: "B", kappa: expect.closeTo(0.4, 12), tokens: 50 },
    ]);
    // Both orders of each annotator pair: 15 no/no twice, 5 + 10 disagreements each way, 20 yes/yes twice.
    expect(result.token.confusion).toEqual({
      labels: ["O", "Yes"],
      counts: [
        [30, 15],
        [15, 40],
      ],
    });
  });
});
