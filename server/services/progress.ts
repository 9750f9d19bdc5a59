import { and, count, eq, isNotNull, max, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open-database";
import { annotations, assignments, documents, memberships, projects, users } from "@/db/schema";

/**
 * The owner's and reviewer's view of a campaign: per annotator what is assigned, in progress and
 * submitted, with their last activity; and how many documents have 0, 1, … k submissions.
 */
export function getProjectProgress(db: Queryable, projectId: number) {
  const k =
    db
      .select({ k: projects.annotatorsPerDocument })
      .from(projects)
      .where(eq(projects.id, projectId))
      .get()?.k ?? 2;
  const work = db
    .select({
      userId: annotations.userId,
      inProgress: sql<number>`sum(${annotations.status} = 'in_progress')`,
      submitted: sql<number>`sum(${annotations.status} = 'submitted')`,
      lastActivity: max(annotations.updatedAt),
    })
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .where(and(eq(documents.projectId, projectId), isNotNull(annotations.userId)))
    .groupBy(annotations.userId)
    .all();
  const assigned = db
    .select({ userId: assignments.userId, n: count() })
    .from(assignments)
    .innerJoin(documents, eq(documents.id, assignments.documentId))
    .where(eq(documents.projectId, projectId))
    .groupBy(assignments.userId)
    .all();
  const members = db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.projectId, projectId))
    .all();

  const annotatorIds = new Set([
    ...members.filter((m) => m.role === "annotator").map((m) => m.userId),
    ...work.flatMap((w) => (w.userId === null ? [] : [w.userId])),
  ]);
  const names = new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .all()
      .filter((u) => annotatorIds.has(u.id))
      .map((u) => [u.id, u.name]),
  );
  const annotators = [...annotatorIds]
    .map((userId) => {
      const done = work.find((w) => w.userId === userId);
      return {
        name: names.get(userId) ?? `user ${userId}`,
        member: members.some((m) => m.userId === userId),
        assigned: assigned.find((a) => a.userId === userId)?.n ?? 0,
        inProgress: Number(done?.inProgress ?? 0),
        submitted: Number(done?.submitted ?? 0),
        lastActivity: done?.lastActivity ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  return {
    annotatorsPerDocument: k,
    annotators,
    documentsBySubmissions: countDocumentsBySubmissions(db, projectId, k),
  };
}

/** Element i counts the documents with i submissions; the last one, those with k or more. */
function countDocumentsBySubmissions(db: Queryable, projectId: number, k: number): number[] {
  // A left join grouped by document, not a correlated subquery: in a single-table select drizzle
  // renders columns unqualified, so `documents.id` inside one bound to the annotation's own id.
  const perDocument = db
    .select({ submissions: count(annotations.id) })
    .from(documents)
    .leftJoin(
      annotations,
      and(
        eq(annotations.documentId, documents.id),
        eq(annotations.status, "submitted"),
        isNotNull(annotations.userId),
      ),
    )
    .where(eq(documents.projectId, projectId))
    .groupBy(documents.id)
    .all();
  const histogram = Array.from({ length: k + 1 }, () => 0);
  for (const { submissions } of perDocument)
    histogram[Math.min(submissions, k)] = (histogram[Math.min(submissions, k)] ?? 0) + 1;
  return histogram;
}
