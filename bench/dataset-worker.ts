/**
 * One measured step of the dataset bench, run in a process of its own so that its peak RSS is its
 * own: `tsx bench/dataset-worker.ts <step> <database> <file>`. Prints one JSON line.
 */
import { createReadStream, closeSync, openSync, writeSync } from "node:fs";
import { createInterface } from "node:readline";
import { closeDatabase, openMigratedDatabase, type Db } from "@/db/open-database";
import { exportBytes, exportDataset } from "@/server/services/datasets/export-dataset";
import { importDataset } from "@/server/services/datasets/import-dataset";
import { fileFromPath } from "@/server/services/datasets/import-file";
import { findProjectBySlug } from "@/server/services/projects";
import { sqliteOf } from "./sqlite-client";

type BenchRecord = {
  id: string;
  text: string;
  meta: Record<string, unknown>;
  annotations: {
    annotator: string;
    status: string;
    spans: { start: number; end: number; label: string }[];
  }[];
};

const [step, database = "", file = ""] = process.argv.slice(2);
const steps: Record<string, (db: Db) => Promise<number>> = {
  "concord-import": async (db) =>
    (
      await importDataset(db, {
        projectSlug: "bench",
        format: "jsonl",
        files: [fileFromPath(file)],
      })
    ).documents,
  "baseline-import": baselineImport,
  "concord-export": async (db) => {
    const dataset = await exportDataset(db, {
      projectSlug: "bench",
      format: "jsonl",
      source: { kind: "all" },
    });
    const out = openSync(file, "w");
    for await (const chunk of exportBytes(dataset)) writeSync(out, chunk);
    closeSync(out);
    return dataset.summary.documents;
  },
  "baseline-export": baselineExport,
};

const run = steps[step ?? ""];
if (!run) throw new Error(`unknown step ${step}`);
const db = await openMigratedDatabase(database);
const started = performance.now();
const documents = await run(db);
const ms = performance.now() - started;
await closeDatabase(db);
console.log(JSON.stringify({ documents, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));

/** The same rows, straight from JSON.parse into prepared INSERTs in one transaction, unchecked. */
async function baselineImport(db: Db): Promise<number> {
  const sqlite = sqliteOf(db);
  const projectId = (await findProjectBySlug(db, "bench")).id;
  const labelIds = new Map(
    sqlite
      .prepare<[number], { id: number; name: string }>(
        "SELECT id, name FROM labels WHERE project_id = ?",
      )
      .all(projectId)
      .map((label) => [label.name, label.id]),
  );
  const userIds = new Map<string, number>();
  const insertUser = sqlite.prepare("INSERT INTO users (name) VALUES (?)");
  const insertDocument = sqlite.prepare(
    "INSERT INTO documents (project_id, external_id, text, meta) VALUES (?, ?, ?, ?)",
  );
  const insertAnnotation = sqlite.prepare(
    "INSERT INTO annotations (document_id, user_id, status) VALUES (?, ?, ?)",
  );
  const insertSpan = sqlite.prepare(
    'INSERT INTO spans (annotation_id, start, "end", label_id) VALUES (?, ?, ?, ?)',
  );
  let documents = 0;
  sqlite.exec("BEGIN");
  for await (const line of createInterface({
    input: createReadStream(file),
    crlfDelay: Infinity,
  })) {
    if (line === "") continue;
    const record = JSON.parse(line) as BenchRecord;
    const documentId = insertDocument.run(
      projectId,
      record.id,
      record.text,
      JSON.stringify(record.meta),
    ).lastInsertRowid;
    for (const annotation of record.annotations) {
      let userId = userIds.get(annotation.annotator);
      if (userId === undefined) {
        userId = Number(insertUser.run(annotation.annotator).lastInsertRowid);
        userIds.set(annotation.annotator, userId);
      }
      const annotationId = insertAnnotation.run(
        documentId,
        userId,
        annotation.status,
      ).lastInsertRowid;
      for (const span of annotation.spans) {
        insertSpan.run(annotationId, span.start, span.end, labelIds.get(span.label));
      }
    }
    documents++;
  }
  sqlite.exec("COMMIT");
  return documents;
}

/** The same documents read back with prepared SELECTs a page at a time, written as JSON lines. */
async function baselineExport(db: Db): Promise<number> {
  const sqlite = sqliteOf(db);
  const projectId = (await findProjectBySlug(db, "bench")).id;
  const page = sqlite.prepare<
    [number, number],
    { id: number; externalId: string; text: string; meta: string }
  >(
    "SELECT id, external_id AS externalId, text, meta FROM documents WHERE project_id = ? AND id > ? ORDER BY id LIMIT 500",
  );
  const spans = sqlite.prepare<
    [number, number],
    {
      documentId: number;
      annotator: string;
      status: string;
      start: number;
      end: number;
      label: string;
    }
  >(
    `SELECT a.document_id AS documentId, u.name AS annotator, a.status, s.start, s."end", l.name AS label
       FROM annotations a JOIN users u ON u.id = a.user_id
       JOIN spans s ON s.annotation_id = a.id JOIN labels l ON l.id = s.label_id
      WHERE a.document_id BETWEEN ? AND ? ORDER BY a.document_id, u.name`,
  );
  const out = openSync(file, "w");
  let documents = 0;
  for (let afterId = 0; ;) {
    const rows = page.all(projectId, afterId);
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) break;
    const byDocument = new Map<number, BenchRecord["annotations"]>();
    for (const span of spans.all(first.id, last.id)) {
      const layers = byDocument.get(span.documentId) ?? [];
      byDocument.set(span.documentId, layers);
      let layer = layers.at(-1);
      if (layer?.annotator !== span.annotator) {
        layer = { annotator: span.annotator, status: span.status, spans: [] };
        layers.push(layer);
      }
      layer.spans.push({ start: span.start, end: span.end, label: span.label });
    }
    let chunk = "";
    for (const row of rows) {
      chunk += `${JSON.stringify({ id: row.externalId, text: row.text, meta: JSON.parse(row.meta), annotations: byDocument.get(row.id) ?? [] })}\n`;
    }
    writeSync(out, chunk);
    documents += rows.length;
    afterId = last.id;
  }
  closeSync(out);
  return documents;
}
