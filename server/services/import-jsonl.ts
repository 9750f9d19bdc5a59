import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/open-database";
import { annotations, documents, spans } from "@/db/schema";
import { InputError } from "@/domain/errors";
import { parseJsonlRecord, type DocumentRecord } from "@/domain/formats/jsonl";
import { spansOverlap } from "@/domain/spans";
import { findMembership, findProjectBySlug, listLabels, setMembership } from "./projects";
import { findOrCreateUserByName } from "./users";

export type ImportSummary = {
  documents: number;
  annotations: number;
  spans: number;
  alreadyPresent: number;
};

type NumberedRecord = { line: number; record: DocumentRecord };

/**
 * Imports a JSONL file into a project, all or nothing: every line is parsed and checked against
 * the project before the single transaction that writes them. Documents whose external id is
 * already in the project are left as they are and counted.
 */
export function importJsonl(db: Db, projectSlug: string, content: string): ImportSummary {
  const project = findProjectBySlug(db, projectSlug);
  const labelIds = new Map(listLabels(db, project.id).map((label) => [label.name, label.id]));
  const records = parseLines(content);
  for (const { line, record } of records) {
    checkAgainstProject(line, record, labelIds, project.allowOverlap);
  }

  const summary: ImportSummary = { documents: 0, annotations: 0, spans: 0, alreadyPresent: 0 };
  db.transaction((tx) => {
    const existing = existingExternalIds(tx, project.id, records);
    for (const { record } of records) {
      if (record.id !== null && existing.has(record.id)) {
        summary.alreadyPresent++;
        continue;
      }
      const documentId = tx
        .insert(documents)
        .values({
          projectId: project.id,
          externalId: record.id,
          text: record.text,
          meta: record.meta,
        })
        .returning({ id: documents.id })
        .get().id;
      summary.documents++;
      for (const annotation of record.annotations) {
        const userId = findOrCreateUserByName(tx, annotation.annotator);
        if (!findMembership(tx, project.id, userId))
          setMembership(tx, project.id, userId, "annotator");
        const annotationId = tx
          .insert(annotations)
          .values({ documentId, userId, status: annotation.status })
          .returning({ id: annotations.id })
          .get().id;
        summary.annotations++;
        if (annotation.spans.length === 0) continue;
        tx.insert(spans)
          .values(
            annotation.spans.map((span) => ({
              annotationId,
              start: span.start,
              end: span.end,
              labelId: labelIds.get(span.label) as number,
            })),
          )
          .run();
        summary.spans += annotation.spans.length;
      }
    }
  });
  return summary;
}

function parseLines(content: string): NumberedRecord[] {
  const records: NumberedRecord[] = [];
  const seenIds = new Map<string, number>();
  // A byte-order mark is an encoding artefact, not part of the first document.
  content
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((text, index) => {
      if (text.trim() === "") return;
      const line = index + 1;
      const record = parseJsonlRecord(text, line);
      if (record.id !== null) {
        const first = seenIds.get(record.id);
        if (first !== undefined) {
          throw new InputError(line, "id", `id "${record.id}" was already used on line ${first}`);
        }
        seenIds.set(record.id, line);
      }
      records.push({ line, record });
    });
  return records;
}

function checkAgainstProject(
  line: number,
  record: DocumentRecord,
  labelIds: Map<string, number>,
  allowOverlap: boolean,
) {
  record.annotations.forEach((annotation, a) => {
    annotation.spans.forEach((span, s) => {
      if (!labelIds.has(span.label)) {
        const known = [...labelIds.keys()].join(", ") || "none";
        throw new InputError(
          line,
          `annotations[${a}].spans[${s}].label`,
          `unknown label "${span.label}" (the project's labels: ${known})`,
        );
      }
      const clash = allowOverlap
        ? -1
        : annotation.spans.findIndex((o, i) => i < s && spansOverlap(o, span));
      if (clash >= 0) {
        throw new InputError(
          line,
          `annotations[${a}].spans[${s}]`,
          `overlaps another span of "${annotation.annotator}", and this project does not allow overlapping spans`,
        );
      }
    });
  });
}

function existingExternalIds(tx: Tx, projectId: number, records: NumberedRecord[]) {
  const ids = records.flatMap(({ record }) => (record.id === null ? [] : [record.id]));
  const found = new Set<string>();
  // SQLite caps bound parameters, so ask in slices.
  for (let i = 0; i < ids.length; i += 500) {
    tx.select({ externalId: documents.externalId })
      .from(documents)
      .where(
        and(
          eq(documents.projectId, projectId),
          inArray(documents.externalId, ids.slice(i, i + 500)),
        ),
      )
      .all()
      .forEach((row) => row.externalId !== null && found.add(row.externalId));
  }
  return found;
}
