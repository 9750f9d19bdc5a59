import { and, eq, sql } from "drizzle-orm";
import { jsonArrayAgg } from "@/db/json-array-agg";
import { tablesOf, type Queryable } from "@/db/open-database";
import type { AnnotatorSpan } from "@/domain/review/disagreements";

/**
 * Submitted annotator layers, the only work that counts for agreement and curation. Gold layers
 * have no user, so the inner join with users leaves them out.
 */
export async function loadSubmittedSpans(
  db: Queryable,
  scope: { projectId: number } | { documentId: number },
) {
  const { annotations, documents, labels, spans, users } = tablesOf(db);
  const annotators = new Map<number, Set<string>>();
  const spansByDocument = new Map<number, AnnotatorSpan[]>();
  // One row per layer with its spans packed by the database: far fewer rows to cross into
  // JavaScript than one per span, and no sort (the metrics and the region finder order spans).
  const packed = jsonArrayAgg(db, [spans.start, spans.end, labels.name]);
  const rows = await db
    .select({
      documentId: annotations.documentId,
      annotator: users.name,
      spans: sql<string>`(SELECT ${packed}
        FROM ${spans} JOIN ${labels} ON ${labels.id} = ${spans.labelId}
        WHERE ${spans.annotationId} = ${annotations.id})`,
    })
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .innerJoin(users, eq(users.id, annotations.userId))
    .where(
      and(
        "projectId" in scope
          ? eq(documents.projectId, scope.projectId)
          : eq(annotations.documentId, scope.documentId),
        eq(annotations.status, "submitted"),
      ),
    );
  for (const row of rows) {
    const names = annotators.get(row.documentId) ?? new Set<string>();
    names.add(row.annotator);
    annotators.set(row.documentId, names);
    const list = spansByDocument.get(row.documentId) ?? [];
    for (const [start, end, label] of JSON.parse(row.spans) as [number, number, string][]) {
      list.push({ annotator: row.annotator, start, end, label });
    }
    spansByDocument.set(row.documentId, list);
  }
  return { annotators, spansByDocument };
}
