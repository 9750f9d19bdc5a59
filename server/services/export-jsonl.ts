import { and, asc, eq, gt, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/open-database";
import { annotations, documents, labels, spans, users } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import { formatJsonlRecord, type AnnotationRecord } from "@/domain/formats/jsonl";
import { findProjectBySlug } from "./projects";

export type ExportSource = { kind: "all" } | { kind: "gold" } | { kind: "annotator"; name: string };

/** The name a gold layer carries in exports, where every layer is attributed to someone. */
export const goldAnnotatorName = "gold";

export function parseExportSource(value: string): ExportSource {
  if (value === "all") return { kind: "all" };
  if (value.startsWith("annotator:") && value.length > "annotator:".length) {
    return { kind: "annotator", name: value.slice("annotator:".length) };
  }
  if (value === "gold") return { kind: "gold" };
  throw new DomainError("BAD_REQUEST", `source "${value}": use all, gold or annotator:NAME`);
}

const pageSize = 500;

/** Yields the project's documents as JSONL lines, a page of documents at a time. */
export function* exportJsonl(db: Db, projectSlug: string, source: ExportSource): Generator<string> {
  const project = findProjectBySlug(db, projectSlug);
  let afterId = 0;
  for (;;) {
    const page = db
      .select()
      .from(documents)
      .where(and(eq(documents.projectId, project.id), gt(documents.id, afterId)))
      .orderBy(asc(documents.id))
      .limit(pageSize)
      .all();
    if (page.length === 0) return;
    const byDocument = loadAnnotations(
      db,
      page.map((document) => document.id),
      source,
    );
    for (const document of page) {
      yield formatJsonlRecord({
        id: document.externalId,
        text: document.text,
        meta: document.meta,
        annotations: byDocument.get(document.id) ?? [],
      });
    }
    afterId = page[page.length - 1]?.id ?? afterId;
  }
}

function loadAnnotations(db: Db, documentIds: number[], source: ExportSource) {
  const rows = db
    .select({
      annotationId: annotations.id,
      documentId: annotations.documentId,
      annotator: users.name,
      status: annotations.status,
      start: spans.start,
      end: spans.end,
      label: labels.name,
    })
    .from(annotations)
    .leftJoin(users, eq(users.id, annotations.userId))
    .leftJoin(spans, eq(spans.annotationId, annotations.id))
    .leftJoin(labels, eq(labels.id, spans.labelId))
    .where(
      and(
        inArray(annotations.documentId, documentIds),
        source.kind === "gold"
          ? isNull(annotations.userId)
          : source.kind === "annotator"
            ? eq(users.name, source.name)
            : isNotNull(annotations.userId),
      ),
    )
    .orderBy(asc(annotations.documentId), asc(users.name))
    .all();

  const byDocument = new Map<number, AnnotationRecord[]>();
  const byAnnotation = new Map<number, AnnotationRecord>();
  for (const row of rows) {
    let annotation = byAnnotation.get(row.annotationId);
    if (!annotation) {
      annotation = { annotator: row.annotator ?? goldAnnotatorName, status: row.status, spans: [] };
      byAnnotation.set(row.annotationId, annotation);
      byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), annotation]);
    }
    if (row.start !== null && row.end !== null && row.label !== null) {
      annotation.spans.push({ start: row.start, end: row.end, label: row.label });
    }
  }
  return byDocument;
}
