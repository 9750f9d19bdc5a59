import type { Db } from "@/db/open-database";
import { formatJsonlRecord } from "@/domain/formats/jsonl";
import { findProjectBySlug } from "../projects";
import type { ExportSource } from "./export-source";
import { readProjectDocuments } from "./read-project";

/** The project's documents as JSONL lines (without line breaks), a page of documents at a time. */
export async function* exportJsonl(
  db: Db,
  projectSlug: string,
  source: ExportSource,
): AsyncGenerator<string> {
  const project = await findProjectBySlug(db, projectSlug);
  for await (const { record } of readProjectDocuments(db, project.id, source)) {
    yield formatJsonlRecord(record);
  }
}
