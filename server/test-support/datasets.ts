// Test support for the dataset import and export tests: a fresh database, files in and out, and
// what ended up stored.
import { unzipSync } from "fflate";
import { expect } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { FileInputError } from "@/domain/errors";
import type { ExportFormatName, ImportFormatName } from "@/domain/formats/catalog";
import { createProject, findProjectBySlug } from "../services/projects";
import {
  exportBytes,
  exportDataset,
  type ExportRequest,
} from "../services/datasets/export-dataset";
import { parseExportSource } from "../services/datasets/export-source";
import { importDataset, type ImportOptions } from "../services/datasets/import-dataset";
import { fileFromText } from "../services/datasets/import-file";
import { readProjectDocuments } from "../services/datasets/read-project";

export async function freshDb(...slugs: string[]) {
  const db = await openTestDatabase();
  for (const slug of slugs.length ? slugs : ["p"]) {
    await createProject(db, { slug, name: slug, labels: ["PER", "ORG", "LOC"] });
  }
  return db;
}

export function importTexts(
  db: Db,
  projectSlug: string,
  format: ImportFormatName,
  files: Record<string, string>,
  options: ImportOptions = {},
) {
  return importDataset(db, {
    projectSlug,
    format,
    files: Object.entries(files).map(([name, text]) => fileFromText(name, text)),
    options,
  });
}

/** The export's files by name (one, `data.<ext>`, for single-file formats). */
export async function exportTexts(
  db: Db,
  projectSlug: string,
  format: ExportFormatName,
  source = "all",
  extra: Partial<ExportRequest> = {},
) {
  const dataset = await exportDataset(db, {
    projectSlug,
    format,
    source: parseExportSource(source),
    ...extra,
  });
  const bytes = Buffer.concat(await collect(exportBytes(dataset)));
  const files: Record<string, string> =
    dataset.contentType === "application/zip"
      ? Object.fromEntries(
          Object.entries(unzipSync(bytes)).map(([name, data]) => [
            name,
            new TextDecoder().decode(data),
          ]),
        )
      : { [`data.${dataset.fileName.split(".").at(-1)}`]: bytes.toString("utf8") };
  return { files, summary: dataset.summary, fileName: dataset.fileName };
}

export function onlyFile(files: Record<string, string>): string {
  const [content, ...others] = Object.values(files);
  expect(others).toEqual([]);
  return content ?? "";
}

/** Every stored span as `[document id, annotator, label, covered text, start, end]` (UTF-16). */
export async function storedSpans(db: Db, projectSlug: string, source = "all") {
  const project = await findProjectBySlug(db, projectSlug);
  const stored = await collect(readProjectDocuments(db, project.id, parseExportSource(source)));
  return stored.flatMap(({ record }) =>
    record.annotations.flatMap((annotation) =>
      annotation.spans.map((span) => [
        record.id,
        annotation.annotator,
        span.label,
        record.text.slice(span.start, span.end),
        span.start,
        span.end,
      ]),
    ),
  );
}

export async function storedTexts(db: Db, projectSlug: string) {
  const project = await findProjectBySlug(db, projectSlug);
  const stored = await collect(readProjectDocuments(db, project.id, { kind: "all" }));
  return stored.map(({ record }) => record.text);
}

/** What an asynchronous iterable gives, as an array (Array.fromAsync is newer than Node 20). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export type CountedTable = "documents" | "users" | "annotations" | "spans" | "labels";

export function rowCount(db: Db, table: CountedTable): Promise<number> {
  return db.$count(tablesOf(db)[table]);
}

export async function countRows(db: Db) {
  return {
    documents: await rowCount(db, "documents"),
    users: await rowCount(db, "users"),
    annotations: await rowCount(db, "annotations"),
    spans: await rowCount(db, "spans"),
    labels: await rowCount(db, "labels"),
  };
}

export async function importError(run: () => Promise<unknown>): Promise<FileInputError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(FileInputError);
    return error as FileInputError;
  }
  throw new Error("expected the import to be refused");
}

/** Python's `text[start:end]`: code points. */
export function pythonSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join("");
}
