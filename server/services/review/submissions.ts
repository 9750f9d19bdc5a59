import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/open-database";
import { annotations, documents, labels, spans, users } from "@/db/schema";
import type { AnnotatorSpan } from "@/domain/review/disagreements";

/**
 * Submitted annotator layers, the only work that counts for agreement and curation. Gold layers
 * have no user, so the inner join with users leaves them out.
 */
export function loadSubmittedSpans(
  db: Queryable,
  scope: { projectId: number } | { documentId: number },
) {
  const annotators = new Map<number, Set<string>>();
  const spansByDocument = new Map<number, AnnotatorSpan[]>();
  const rows = db
    .select({
      documentId: annotations.documentId,
      annotator: users.name,
      start: spans.start,
      end: spans.end,
      label: labels.name,
    })
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .innerJoin(users, eq(users.id, annotations.userId))
    .leftJoin(spans, eq(spans.annotationId, annotations.id))
    .leftJoin(labels, eq(labels.id, spans.labelId))
    .where(
      and(
        "projectId" in scope
          ? eq(documents.projectId, scope.projectId)
          : eq(annotations.documentId, scope.documentId),
        eq(annotations.status, "submitted"),
      ),
    )
    .orderBy(asc(annotations.documentId), asc(spans.start), asc(spans.end))
    .all();
  for (const row of rows) {
    const names = annotators.get(row.documentId) ?? new Set<string>();
    names.add(row.annotator);
    annotators.set(row.documentId, names);
    if (row.start === null || row.end === null || row.label === null) continue;
    const list = spansByDocument.get(row.documentId) ?? [];
    list.push({ annotator: row.annotator, start: row.start, end: row.end, label: row.label });
    spansByDocument.set(row.documentId, list);
  }
  return { annotators, spansByDocument };
}
