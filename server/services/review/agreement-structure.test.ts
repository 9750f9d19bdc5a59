import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import { returnedRow } from "@/db/returned-row";
import { openTestDatabase } from "@/db/test-support/test-database";
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

/** The scheme and each layer's structure, written straight into the tables. */
async function seedStructure() {
  const t = tablesOf(db);
  const labelId = async (name: string) =>
    returnedRow(
      await db
        .select({ id: t.labels.id })
        .from(t.labels)
        .where(and(eq(t.labels.projectId, projectId), eq(t.labels.name, name))),
    ).id;
  const type = returnedRow(
    await db
      .insert(t.relationTypes)
      .values({ projectId, name: "located_in", color: "#888888", position: 0 })
      .returning({ id: t.relationTypes.id }),
  );
  await db
    .insert(t.labelAttributes)
    .values({ labelId: await labelId("PER"), name: "negated", kind: "boolean", position: 0 });
  const set = returnedRow(
    await db
      .insert(t.documentLabelSets)
      .values({ projectId, name: "stance", position: 0 })
      .returning({ id: t.documentLabelSets.id }),
  );
  const options = await db
    .insert(t.documentLabelOptions)
    .values(["pos", "neg"].map((name, position) => ({ setId: set.id, name, position })))
    .returning({ id: t.documentLabelOptions.id, name: t.documentLabelOptions.name });
  const layers = await db
    .select({ id: t.annotations.id, annotator: t.users.name })
    .from(t.annotations)
    .innerJoin(t.users, eq(t.users.id, t.annotations.userId));
  for (const { id, annotator } of layers) {
    const [kim, kursk] = await db
      .select({ id: t.spans.id })
      .from(t.spans)
      .where(eq(t.spans.annotationId, id))
      .orderBy(t.spans.start);
    if (!kim || !kursk) throw new Error("seeded spans missing");
    await db.insert(t.spanRelations).values({
      annotationId: id,
      sourceSpanId: kim.id,
      targetSpanId: kursk.id,
      typeId: type.id,
    });
    await db
      .update(t.spans)
      .set({ attributes: { negated: annotator === "ann" } })
      .where(eq(t.spans.id, kim.id));
    const option = options.find((o) => o.name === (annotator === "ann" ? "pos" : "neg"));
    if (option)
      await db.insert(t.documentChoices).values({ annotationId: id, optionId: option.id });
  }
}

describe("agreement over relations, attributes and document labels", () => {
  it("reads the submitted layers' structure and the scheme by name", async () => {
    await seedStructure();
    const input = await loadAgreementInput(db, projectId);
    expect(input.scheme).toEqual({
      relationTypes: [{ name: "located_in", directed: true }],
      attributes: [{ label: "PER", name: "negated", kind: "boolean" }],
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
    expect(after.attributes).toEqual([
      { label: "PER", attribute: "negated", kind: "boolean", alpha: 0, units: 1 },
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
