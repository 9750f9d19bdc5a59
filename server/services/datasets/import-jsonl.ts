import type { Db } from "@/db/open-database";
import { createLineSplitter } from "@/domain/formats/line-splitter";
import { jsonlImport } from "@/domain/formats/readers/jsonl";
import { findProjectBySlug } from "../projects";
import { createImportSession, type ImportPolicy } from "./import-session";

export type ImportCounts = {
  documents: number;
  annotations: number;
  spans: number;
  alreadyPresent: number;
};

/**
 * Imports JSONL held in a string, in one transaction: for seeds, benchmarks and tests. The same
 * checks and writes as importDataset; by default the project's labels only (strict), as a seed
 * expects. Every line is checked before the transaction begins.
 */
export async function importJsonl(
  db: Db,
  projectSlug: string,
  content: string,
  policy: ImportPolicy = { strict: true },
): Promise<ImportCounts> {
  const project = await findProjectBySlug(db, projectSlug);
  const name = "input.jsonl";
  const session = await createImportSession(db, project, policy);
  const parser = jsonlImport
    .open({}, [])
    .file(name, undefined, (item) => session.accept(name, item));
  const splitter = createLineSplitter(parser.line);
  splitter.push(content);
  splitter.end();
  parser.end();
  await db.transaction(async (tx) => {
    await session.save(tx);
    await session.publishScheme(tx);
  });
  const { documents, annotations, spans, alreadyPresent } = session.summary;
  return { documents, annotations, spans, alreadyPresent };
}
