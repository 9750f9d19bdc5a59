import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { addReviewScheme, writeLayerStructure } from "../../test-support/review-structure";
import { importJsonl } from "../datasets/import-jsonl";
import { createProject } from "../projects";
import { computeAgreement, loadAgreementInput, readAgreementFingerprint } from "./agreement";

const text = "Kim met Lee in Kursk.";
const spans = [
  { start: 0, end: 3, label: "PER" },
  { start: 15, end: 20, label: "LOC" },
];
const layer = (annotator: string, status = "submitted") => ({ annotator, status, spans });

let db: Db;
let projectId: number;

beforeEach(async () => {
  db = await openTestDatabase();
  projectId = (await createProject(db, { slug: "p", name: "P", labels: ["PER", "LOC"] })).id;
  await importJsonl(
    db,
    "p",
    JSON.stringify({
      id: "d",
      text,
      annotations: [layer("ann"), layer("bob"), layer("cy", "in_progress")],
    }),
  );
});

/** ann and bob drew the same relation, and differ on Kim's `negated` and on the stance. */
async function seedStructure() {
  await addReviewScheme(db, projectId);
  const [document] = await loadAgreementInput(db, projectId).then((input) => input.documents);
  for (const annotator of ["ann", "bob", "cy"]) {
    await writeLayerStructure(db, document?.id ?? 0, annotator, {
      relations: [{ type: "located_in", source: 0, target: 15 }],
      attributes: { 0: { negated: annotator === "ann" } },
      choices: [annotator === "ann" ? "pos" : "neg"],
    });
  }
}

describe("agreement over relations, attributes and document labels", () => {
  it("reads the submitted layers' structure and the scheme by name", async () => {
    await seedStructure();
    const input = await loadAgreementInput(db, projectId);
    expect(input.scheme).toEqual({
      relationTypes: [
        { name: "located_in", directed: true },
        { name: "near", directed: false },
      ],
      attributes: [
        { label: "PER", name: "negated", kind: "boolean" },
        { label: "PER", name: "certainty", kind: "choice" },
      ],
      documentLabelSets: [{ name: "stance", multiple: false }],
    });
    // cy's layer is in progress: it does not count.
    expect(input.documents[0]?.annotations).toEqual(
      ["ann", "bob"].map((annotator) => ({
        annotator,
        spans: [
          {
            annotator,
            start: 0,
            end: 3,
            label: "PER",
            attributes: { negated: annotator === "ann" },
          },
          { annotator, start: 15, end: 20, label: "LOC" },
        ],
        relations: [{ type: "located_in", source: spans[0], target: spans[1] }],
        choices: { stance: [annotator === "ann" ? "pos" : "neg"] },
      })),
    );
  });

  it("reports the new sections, and none of them without a scheme", async () => {
    const before = await computeAgreement(db, projectId);
    expect(before.relations).toEqual({
      pairs: [{ a: "ann", b: "bob", exactF1: null, relaxedF1: null, relations: 0, documents: 1 }],
      perType: [],
    });
    expect(before.attributes).toEqual([]);
    expect(before.documentLabels).toEqual([]);

    await seedStructure();
    const after = await computeAgreement(db, projectId);
    expect(after.relations.pairs[0]).toMatchObject({ exactF1: 1, relaxedF1: 1, relations: 2 });
    // One unit each, true/false and pos/neg: alpha = 1 − 1 · 2 / 2 = 0; Cohen (0 − 0) / (1 − 0).
    // certainty is unset on both: one value only, alpha undefined.
    expect(after.attributes).toEqual([
      { label: "PER", attribute: "negated", kind: "boolean", alpha: 0, units: 1 },
      { label: "PER", attribute: "certainty", kind: "choice", alpha: null, units: 1 },
    ]);
    expect(after.documentLabels[0]).toMatchObject({ set: "stance", alpha: 0, units: 1 });
    expect(after.documentLabels[0]?.cohenKappa).toEqual([
      { a: "ann", b: "bob", kappa: 0, documents: 1 },
    ]);
  });

  it("changes its fingerprint when the scheme is renamed, which changes no layer", async () => {
    await seedStructure();
    const { documentLabelOptions } = tablesOf(db);
    const before = await readAgreementFingerprint(db, projectId);
    await db
      .update(documentLabelOptions)
      .set({ name: "positive" })
      .where(eq(documentLabelOptions.name, "pos"));
    expect(await readAgreementFingerprint(db, projectId)).not.toBe(before);
  });
});
