import { and, asc, eq, sql } from "drizzle-orm";
import { tablesOf, type Queryable } from "@/db/open-database";

/**
 * An annotator's documents in a project, in the order they work through them: the documents
 * assigned to them in `position` order when they have any assignment in the project, otherwise
 * every document of the project in id order. Navigation and progress both follow this queue.
 */
export type QueueEntry = { documentId: number; submitted: boolean };

export async function listDocumentQueue(
  db: Queryable,
  projectId: number,
  userId: number,
): Promise<QueueEntry[]> {
  const { annotations, assignments, documents } = tablesOf(db);
  // SQLite answers a comparison with 0 or 1, PostgreSQL with a boolean.
  const submitted = sql<boolean>`coalesce(${annotations.status} = 'submitted', false)`.mapWith(
    Boolean,
  );
  const ownAnnotation = and(
    eq(annotations.documentId, documents.id),
    eq(annotations.userId, userId),
  );
  const assigned = await db
    .select({ documentId: documents.id, submitted })
    .from(assignments)
    .innerJoin(documents, eq(documents.id, assignments.documentId))
    .leftJoin(annotations, ownAnnotation)
    .where(and(eq(assignments.userId, userId), eq(documents.projectId, projectId)))
    .orderBy(asc(assignments.position), asc(documents.id));
  if (assigned.length > 0) return assigned;
  return db
    .select({ documentId: documents.id, submitted })
    .from(documents)
    .leftJoin(annotations, ownAnnotation)
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.id));
}

/** Where a document stands in the annotator's queue, for the annotation page's navigation. */
export async function describeQueuePosition(
  db: Queryable,
  projectId: number,
  userId: number,
  documentId: number,
) {
  const queue = await listDocumentQueue(db, projectId, userId);
  return {
    ...findNeighbourDocuments(queue, documentId),
    nextUnsubmitted: findNextUnsubmitted(queue, documentId),
    progress: countProgress(queue),
  };
}

/** The documents before and after this one; from a document outside the queue, next is the first. */
export function findNeighbourDocuments(queue: readonly QueueEntry[], documentId: number) {
  const at = queue.findIndex((entry) => entry.documentId === documentId);
  if (at === -1) return { previous: null, next: queue[0]?.documentId ?? null };
  return {
    previous: queue[at - 1]?.documentId ?? null,
    next: queue[at + 1]?.documentId ?? null,
  };
}

/** The next document after this one not yet submitted, wrapping around; null when there is none. */
export function findNextUnsubmitted(
  queue: readonly QueueEntry[],
  documentId: number,
): number | null {
  const at = queue.findIndex((entry) => entry.documentId === documentId);
  const ordered = [...queue.slice(at + 1), ...queue.slice(0, Math.max(at, 0))];
  return (
    ordered.find((entry) => !entry.submitted && entry.documentId !== documentId)?.documentId ?? null
  );
}

/** How many of the queued documents the annotator has submitted. */
export function countProgress(queue: readonly QueueEntry[]) {
  return {
    submitted: queue.filter((entry) => entry.submitted).length,
    assigned: queue.length,
  };
}
