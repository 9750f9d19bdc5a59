import { and, asc, count, eq, isNotNull, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open-database";
import { annotations, assignments, documents, spans, type MemberRole } from "@/db/schema";
import type { DocumentAccess } from "./access";
import { usesAssignments } from "./assignments";
import { describeQueuePosition } from "./document-queue";
import { listLabels } from "./projects";

const previewLength = 120;

/**
 * The project's documents with the given user's own progress on each. An annotator in a project
 * that hands out work sees their queue, in its order; everyone else sees every document.
 */
export function listDocumentsForUser(
  db: Queryable,
  projectId: number,
  userId: number,
  role: MemberRole,
) {
  const queueOnly = role === "annotator" && usesAssignments(db, projectId);
  const query = db
    .select({
      id: documents.id,
      externalId: documents.externalId,
      preview: sql<string>`substr(${documents.text}, 1, ${previewLength})`,
      status: annotations.status,
      spanCount: count(spans.id),
    })
    .from(documents)
    .leftJoin(
      annotations,
      and(eq(annotations.documentId, documents.id), eq(annotations.userId, userId)),
    )
    .leftJoin(spans, eq(spans.annotationId, annotations.id))
    .leftJoin(
      assignments,
      and(eq(assignments.documentId, documents.id), eq(assignments.userId, userId)),
    )
    .where(
      and(
        eq(documents.projectId, projectId),
        queueOnly ? or(isNotNull(assignments.userId), isNotNull(annotations.id)) : undefined,
      ),
    )
    .groupBy(documents.id)
    .orderBy(queueOnly ? asc(assignments.position) : asc(documents.id), asc(documents.id));
  return query.all().map((row) => ({ ...row, status: row.status ?? ("not_started" as const) }));
}

/** Everything the annotation page needs: text, labels, settings, the user's own spans, their queue. */
export function getDocumentWorkspace(
  db: Queryable,
  { document, project, capabilities }: DocumentAccess,
  userId: number,
) {
  const documentId = document.id;
  const annotation = db
    .select()
    .from(annotations)
    .where(and(eq(annotations.documentId, documentId), eq(annotations.userId, userId)))
    .get();
  const ownSpans = annotation
    ? db
        .select({ id: spans.id, start: spans.start, end: spans.end, labelId: spans.labelId })
        .from(spans)
        .where(eq(spans.annotationId, annotation.id))
        .orderBy(asc(spans.start), asc(spans.end))
        .all()
    : [];
  const queue = describeQueuePosition(db, project.id, userId, documentId);

  return {
    document: { id: document.id, externalId: document.externalId, text: document.text },
    project: { slug: project.slug, name: project.name, allowOverlap: project.allowOverlap },
    settings: { tokenSnapping: project.tokenSnapping, allowOverlap: project.allowOverlap },
    capabilities,
    labels: listLabels(db, project.id),
    annotation: {
      status: annotation?.status ?? ("not_started" as const),
      version: annotation?.version ?? 0,
      spans: ownSpans,
    },
    previousDocumentId: queue.previous,
    nextDocumentId: queue.next,
    nextUnsubmittedDocumentId: queue.nextUnsubmitted,
    progress: queue.progress,
  };
}
