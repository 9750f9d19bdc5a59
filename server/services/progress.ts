import { and, count, eq, isNotNull, max, sql } from "drizzle-orm";
import { tablesOf, type Queryable } from "@/db/open-database";
import type { AnnotationStatus } from "@/db/schema";

/**
 * The owner's and reviewer's view of a campaign: per annotator what is assigned, in progress and
 * submitted, with their last activity; and how many documents have 0, 1, … k submissions.
 */
export async function getProjectProgress(db: Queryable, projectId: number) {
  const { annotations, assignments, documents, memberships, projects, users } = tablesOf(db);
  const [project] = await db
    .select({ k: projects.annotatorsPerDocument })
    .from(projects)
    .where(eq(projects.id, projectId))
    .limit(1);
  const k = project?.k ?? 2;
  const withStatus = (status: AnnotationStatus) =>
    count(sql`CASE WHEN ${annotations.status} = ${status} THEN 1 END`);
  const work = await db
    .select({
      userId: annotations.userId,
      inProgress: withStatus("in_progress"),
      submitted: withStatus("submitted"),
      lastActivity: max(annotations.updatedAt),
    })
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .where(and(eq(documents.projectId, projectId), isNotNull(annotations.userId)))
    .groupBy(annotations.userId);
  const assigned = await db
    .select({ userId: assignments.userId, n: count() })
    .from(assignments)
    .innerJoin(documents, eq(documents.id, assignments.documentId))
    .where(eq(documents.projectId, projectId))
    .groupBy(assignments.userId);
  const members = await db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.projectId, projectId));

  const annotatorIds = new Set([
    ...members.filter((m) => m.role === "annotator").map((m) => m.userId),
    ...work.flatMap((w) => (w.userId === null ? [] : [w.userId])),
  ]);
  const names = new Map(
    (await db.select({ id: users.id, name: users.name }).from(users))
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
        inProgress: done?.inProgress ?? 0,
        submitted: done?.submitted ?? 0,
        lastActivity: done?.lastActivity ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  return {
    annotatorsPerDocument: k,
    annotators,
    documentsBySubmissions: await countDocumentsBySubmissions(db, projectId, k),
  };
}

/** Element i counts the documents with i submissions; the last one, those with k or more. */
async function countDocumentsBySubmissions(
  db: Queryable,
  projectId: number,
  k: number,
): Promise<number[]> {
  const { annotations, documents } = tablesOf(db);
  // A left join grouped by document, not a correlated subquery: in a single-table select drizzle
  // renders columns unqualified, so `documents.id` inside one bound to the annotation's own id.
  const perDocument = await db
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
    .groupBy(documents.id);
  const histogram = Array.from({ length: k + 1 }, () => 0);
  for (const { submissions } of perDocument)
    histogram[Math.min(submissions, k)] = (histogram[Math.min(submissions, k)] ?? 0) + 1;
  return histogram;
}
