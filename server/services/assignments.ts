import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { tablesOf, type Db, type Queryable, type Tx } from "@/db/open-database";
import { preparedQuery } from "@/db/prepared-query";
import { balanceAssignments, type AssignmentInput } from "@/domain/assignment";
import { DomainError } from "@/domain/errors";
import { updateProjectSettings } from "./project-settings";
import { findMembership } from "./projects";

/**
 * Hands every document of the project to k annotators (the project's setting, or `k` which then
 * becomes the setting), balanced, keeping work already started. Owners can run it again whenever
 * members join or leave.
 */
export function rebalanceAssignments(db: Db, projectId: number, k?: number) {
  return db.transaction(async (tx) => {
    if (k !== undefined) await updateProjectSettings(tx, projectId, { annotatorsPerDocument: k });
    const current = await readCurrentWork(tx, projectId);
    const result = balanceAssignments(current);
    return {
      documents: current.documents.length,
      annotators: current.annotators.length,
      assignments: await replaceAssignments(tx, projectId, current.documents, result),
    };
  });
}

/** What balancing starts from: the documents, the annotators, and who has or started what. */
async function readCurrentWork(tx: Tx, projectId: number): Promise<AssignmentInput> {
  const { annotations, assignments, documents, memberships, projects } = tablesOf(tx);
  const [project] = await tx
    .select({ k: projects.annotatorsPerDocument })
    .from(projects)
    .where(eq(projects.id, projectId))
    .limit(1);
  const documentIds = await listDocumentIds(tx, projectId);
  const annotators = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.projectId, projectId), eq(memberships.role, "annotator")))
    .orderBy(asc(memberships.userId));
  const assigned = await tx
    .select({ documentId: assignments.documentId, userId: assignments.userId })
    .from(assignments)
    .innerJoin(documents, eq(documents.id, assignments.documentId))
    .where(eq(documents.projectId, projectId));
  const started = await tx
    .select({ documentId: annotations.documentId, userId: annotations.userId })
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .where(and(eq(documents.projectId, projectId), isNotNull(annotations.userId)));
  return {
    documents: documentIds,
    annotators: annotators.map((row) => row.userId),
    assigned: groupByDocument(assigned),
    started: groupByDocument(started),
    annotatorsPerDocument: project?.k ?? 2,
  };
}

// SQLite binds at most 32,766 values a statement, PostgreSQL 65,535; a row takes three.
const rowsPerInsert = 5_000;

/** Replaces the project's assignments with the balanced ones; returns how many there are. */
async function replaceAssignments(
  tx: Tx,
  projectId: number,
  documentIds: number[],
  result: Map<number, number[]>,
) {
  const { assignments } = tablesOf(tx);
  // By subquery, not by the list of ids: a large project has more than one statement can bind.
  await tx
    .delete(assignments)
    .where(inArray(assignments.documentId, projectDocumentIds(tx, projectId)));
  const rows = documentIds.flatMap((documentId, position) =>
    (result.get(documentId) ?? []).map((userId) => ({ documentId, userId, position })),
  );
  for (let i = 0; i < rows.length; i += rowsPerInsert)
    await tx.insert(assignments).values(rows.slice(i, i + rowsPerInsert));
  return rows.length;
}

/** An owner's manual choice, on top of (or instead of) the balanced one. */
export async function assignDocument(
  db: Db,
  projectId: number,
  documentId: number,
  userId: number,
) {
  const { assignments } = tablesOf(db);
  const position = (await listDocumentIds(db, projectId)).indexOf(documentId);
  if (position < 0) throw new DomainError("NOT_FOUND", `no document ${documentId} in this project`);
  if (!(await findMembership(db, projectId, userId))) {
    throw new DomainError("BAD_REQUEST", `user ${userId} is not a member of this project`);
  }
  await db.insert(assignments).values({ documentId, userId, position }).onConflictDoNothing();
  return { documentId, userId };
}

/** Takes a document out of someone's queue; whatever they annotated on it stays. */
export async function unassignDocument(
  db: Db,
  projectId: number,
  documentId: number,
  userId: number,
) {
  const { assignments } = tablesOf(db);
  if (!(await listDocumentIds(db, projectId)).includes(documentId)) {
    throw new DomainError("NOT_FOUND", `no document ${documentId} in this project`);
  }
  await db
    .delete(assignments)
    .where(and(eq(assignments.documentId, documentId), eq(assignments.userId, userId)));
  return { documentId, userId };
}

export async function listProjectAssignments(db: Queryable, projectId: number) {
  const { assignments, documents } = tablesOf(db);
  return db
    .select({ documentId: assignments.documentId, userId: assignments.userId })
    .from(assignments)
    .innerJoin(documents, eq(documents.id, assignments.documentId))
    .where(eq(documents.projectId, projectId));
}

/** Whether the project hands out work through assignments (else every member sees every document). */
export async function usesAssignments(db: Queryable, projectId: number): Promise<boolean> {
  return Boolean(await findAnyAssignment(db).first({ projectId }));
}

const findAnyAssignment = preparedQuery((db, { assignments, documents }) =>
  db
    .select({ id: assignments.documentId })
    .from(assignments)
    .innerJoin(documents, eq(documents.id, assignments.documentId))
    .where(eq(documents.projectId, sql.placeholder("projectId")))
    .limit(1),
);

export async function isAssigned(
  db: Queryable,
  documentId: number,
  userId: number,
): Promise<boolean> {
  return Boolean(await findAssignment(db).first({ documentId, userId }));
}

const findAssignment = preparedQuery((db, { assignments }) =>
  db
    .select({ id: assignments.documentId })
    .from(assignments)
    .where(
      and(
        eq(assignments.documentId, sql.placeholder("documentId")),
        eq(assignments.userId, sql.placeholder("userId")),
      ),
    ),
);

async function listDocumentIds(db: Queryable, projectId: number): Promise<number[]> {
  const { documents } = tablesOf(db);
  const rows = await db
    .select({ id: documents.id })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.id));
  return rows.map((row) => row.id);
}

function projectDocumentIds(db: Queryable, projectId: number) {
  const { documents } = tablesOf(db);
  return db.select({ id: documents.id }).from(documents).where(eq(documents.projectId, projectId));
}

function groupByDocument(rows: { documentId: number; userId: number | null }[]) {
  const grouped = new Map<number, number[]>();
  for (const { documentId, userId } of rows) {
    if (userId === null) continue;
    grouped.set(documentId, [...(grouped.get(documentId) ?? []), userId]);
  }
  return grouped;
}
