import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import type { AnnotationStatus } from "@/db/schema";
import { collect, exportTexts, freshDb } from "../../test-support/datasets";
import { exportDataset, exportFileSummary } from "./export-dataset";
import { parseExportSource } from "./export-source";
import { importJsonl } from "./import-jsonl";

/** Three documents: one with curated gold, one with gold in progress, one nobody curated. */
async function campaign() {
  const db = await freshDb();
  const record = (id: string, text: string, spans: { start: number; end: number }[]) => ({
    id,
    text,
    meta: {},
    annotations: [
      { annotator: "ann", status: "submitted", spans: spans.map((s) => ({ ...s, label: "PER" })) },
    ],
  });
  await importJsonl(
    db,
    "p",
    [
      record("curated", "Ana sings", [{ start: 0, end: 3 }]),
      record("in-progress", "Bob hums", [{ start: 0, end: 3 }]),
      record("untouched", "Cy naps", []),
    ]
      .map((line) => JSON.stringify(line))
      .join("\n"),
  );
  await addGold(db, "curated", "curated", [0, 3]);
  await addGold(db, "in-progress", "in_progress", [0, 3]);
  return db;
}

async function addGold(
  db: Db,
  externalId: string,
  status: AnnotationStatus,
  [start, end]: number[],
) {
  const { annotations, documents, labels, spans } = tablesOf(db);
  const [document] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(eq(documents.externalId, externalId));
  const [label] = await db.select({ id: labels.id }).from(labels).where(eq(labels.name, "PER"));
  const [gold] = await db
    .insert(annotations)
    .values({ documentId: document?.id ?? 0, userId: null, status })
    .returning({ id: annotations.id });
  await db.insert(spans).values({
    annotationId: gold?.id ?? 0,
    start: start ?? 0,
    end: end ?? 0,
    labelId: label?.id ?? 0,
  });
}

const summaryOf = async (db: Db, source: string, includeUncurated?: boolean) =>
  exportFileSummary(
    await exportDataset(db, {
      projectSlug: "p",
      format: "conll",
      source: parseExportSource(source, { includeUncurated }),
    }),
  );

describe("gold and one-annotator exports leave out documents they have nothing for", () => {
  it("writes only curated gold to CoNLL and spaCy, never an all-O or empty document", async () => {
    const db = await campaign();
    expect((await exportTexts(db, "p", "conll", "gold")).files["data.conll"]).toBe(
      "-DOCSTART- -X- O O\n\nAna _ _ B-PER\nsings _ _ O\n\n",
    );
    const spacy = (await exportTexts(db, "p", "spacy", "gold")).files["data.jsonl"] ?? "";
    expect(
      spacy
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).id),
    ).toEqual(["curated"]);
  });

  it("includes gold still being curated when asked, and still not documents without gold", async () => {
    const db = await campaign();
    const dataset = await exportDataset(db, {
      projectSlug: "p",
      format: "spacy",
      source: parseExportSource("gold", { includeUncurated: true }),
    });
    const chunks: string[] = [];
    for await (const file of dataset.files) chunks.push(...(await collect(file.chunks)));
    const ids = chunks
      .join("")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).id);
    expect(ids).toEqual(["curated", "in-progress"]);
    expect(dataset.documentCount).toBe(2);
  });

  it("counts what it left out and why before the download", async () => {
    const db = await campaign();
    expect(await summaryOf(db, "gold")).toMatchObject({
      documents: 1,
      leftOut: { withoutLayer: 1, uncurated: 1 },
    });
    expect(await summaryOf(db, "gold", true)).toMatchObject({
      documents: 2,
      leftOut: { withoutLayer: 1, uncurated: 0 },
    });
    expect(await summaryOf(db, "all")).toMatchObject({
      documents: 3,
      leftOut: { withoutLayer: 0, uncurated: 0 },
    });
  });

  it("leaves out of annotator:NAME the documents that annotator never worked on", async () => {
    const db = await campaign();
    await importJsonl(
      db,
      "p",
      JSON.stringify({
        id: "bob-only",
        text: "Dee reads",
        annotations: [{ annotator: "bob", spans: [] }],
      }),
    );
    expect(await summaryOf(db, "annotator:ann")).toMatchObject({
      documents: 3,
      leftOut: { withoutLayer: 1, uncurated: 0 },
    });
    // Bob's one document is written even with no spans: he worked on it and found none.
    expect((await exportTexts(db, "p", "spacy", "annotator:bob")).files["data.jsonl"]).toBe(
      '{"id":"bob-only","text":"Dee reads","ents":[],"meta":{}}\n',
    );
    expect(await summaryOf(db, "annotator:nobody")).toMatchObject({
      documents: 0,
      leftOut: { withoutLayer: 4 },
    });
  });

  it("refuses --include-uncurated for sources other than gold", () => {
    expect(() => parseExportSource("all", { includeUncurated: true })).toThrow(/gold source only/);
  });
});
