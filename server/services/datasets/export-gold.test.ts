import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/open-database";
import { annotations, documents, labels, spans } from "@/db/schema";
import type { AnnotationStatus } from "@/db/schema";
import { exportTexts, freshDb } from "../../test-support/datasets";
import { exportDataset, exportFileSummary } from "./export-dataset";
import { parseExportSource } from "./export-source";
import { importJsonl } from "./import-jsonl";

/** Three documents: one with curated gold, one with gold in progress, one nobody curated. */
function campaign() {
  const db = freshDb();
  const record = (id: string, text: string, spans: { start: number; end: number }[]) => ({
    id,
    text,
    meta: {},
    annotations: [
      { annotator: "ann", status: "submitted", spans: spans.map((s) => ({ ...s, label: "PER" })) },
    ],
  });
  importJsonl(
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
  addGold(db, "curated", "curated", [0, 3]);
  addGold(db, "in-progress", "in_progress", [0, 3]);
  return db;
}

function addGold(db: Db, externalId: string, status: AnnotationStatus, [start, end]: number[]) {
  const document = db
    .select({ id: documents.id })
    .from(documents)
    .where(eq(documents.externalId, externalId))
    .get();
  const label = db.select({ id: labels.id }).from(labels).where(eq(labels.name, "PER")).get();
  const gold = db
    .insert(annotations)
    .values({ documentId: document?.id ?? 0, userId: null, status })
    .returning({ id: annotations.id })
    .get();
  db.insert(spans)
    .values({ annotationId: gold.id, start: start ?? 0, end: end ?? 0, labelId: label?.id ?? 0 })
    .run();
}

const summaryOf = (db: Db, source: string, includeUncurated?: boolean) =>
  exportFileSummary(
    exportDataset(db, {
      projectSlug: "p",
      format: "conll",
      source: parseExportSource(source, { includeUncurated }),
    }),
  );

describe("gold and one-annotator exports leave out documents they have nothing for", () => {
  it("writes only curated gold to CoNLL and spaCy, never an all-O or empty document", () => {
    const db = campaign();
    expect(exportTexts(db, "p", "conll", "gold").files["data.conll"]).toBe(
      "-DOCSTART- -X- O O\n\nAna _ _ B-PER\nsings _ _ O\n\n",
    );
    const spacy = exportTexts(db, "p", "spacy", "gold").files["data.jsonl"] ?? "";
    expect(
      spacy
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).id),
    ).toEqual(["curated"]);
  });

  it("includes gold still being curated when asked, and still not documents without gold", () => {
    const db = campaign();
    const dataset = exportDataset(db, {
      projectSlug: "p",
      format: "spacy",
      source: parseExportSource("gold", { includeUncurated: true }),
    });
    const ids = [...dataset.files]
      .flatMap((file) => [...file.chunks])
      .join("")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).id);
    expect(ids).toEqual(["curated", "in-progress"]);
    expect(dataset.documentCount).toBe(2);
  });

  it("counts what it left out and why before the download", () => {
    const db = campaign();
    expect(summaryOf(db, "gold")).toMatchObject({
      documents: 1,
      leftOut: { withoutLayer: 1, uncurated: 1 },
    });
    expect(summaryOf(db, "gold", true)).toMatchObject({
      documents: 2,
      leftOut: { withoutLayer: 1, uncurated: 0 },
    });
    expect(summaryOf(db, "all")).toMatchObject({
      documents: 3,
      leftOut: { withoutLayer: 0, uncurated: 0 },
    });
  });

  it("leaves out of annotator:NAME the documents that annotator never worked on", () => {
    const db = campaign();
    importJsonl(
      db,
      "p",
      JSON.stringify({
        id: "bob-only",
        text: "Dee reads",
        annotations: [{ annotator: "bob", spans: [] }],
      }),
    );
    expect(summaryOf(db, "annotator:ann")).toMatchObject({
      documents: 3,
      leftOut: { withoutLayer: 1, uncurated: 0 },
    });
    // Bob's one document is written even with no spans: he worked on it and found none.
    expect(exportTexts(db, "p", "spacy", "annotator:bob").files["data.jsonl"]).toBe(
      '{"id":"bob-only","text":"Dee reads","ents":[],"meta":{}}\n',
    );
    expect(summaryOf(db, "annotator:nobody")).toMatchObject({
      documents: 0,
      leftOut: { withoutLayer: 4 },
    });
  });

  it("refuses --include-uncurated for sources other than gold", () => {
    expect(() => parseExportSource("all", { includeUncurated: true })).toThrow(/gold source only/);
  });
});
