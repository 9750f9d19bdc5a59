import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/open-database";
import { preparedQuery } from "@/db/prepared-query";
import { annotations, assignments, documents, memberships, projects } from "@/db/schema";
import { balanceAssignments } from "@/domain/assignment";
import { DomainError } from "@/domain/errors";
import { updateProjectSettings } from "./project-settings";
import { findMembership } from "./projects";

/**
 * Hands every document of the project to k annotators (the project's setting, or `k` which then
 * becomes the setting), balanced, keeping work already started. Owners can run it again whenever
 * members join or leave.
 */
export function rebalanceAssignments(db: Db, projectId: number, k?: number) {
  return db.transaction((tx) => {
    if (k !== undefined) updateProjectSettings(tx, projectId, { annotatorsPerDocument: k });
    const perDocument =
      tx
        .select({ k: projects.annotatorsPerDocument })
        .from(projects)
        .where(eq(projects.id, projectId))
        .get()?.k ?? 2;
    const documentIds = listDocumentIds(tx, projectId);
    const annotators = tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.projectId, projectId), eq(memberships.role, "annotator")))
      .orderBy(asc(memberships.userId))
      .all()
      .map((row) => row.userId);
    const assigned = groupByDocument(
      tx
        .select({ documentId: assignments.documentId, userId: assignments.userId })
        .from(assignments)
        .innerJoin(documents, eq(documents.id, assignments.documentId))
        .where(eq(documents.projectId, projectId))
        .all(),
    );
    const started = groupByDocument(
      tx
        .select({ documentId: annotations.documentId, userId: annotations.userId })
        .from(annotations)
        .innerJoin(documents, eq(documents.id, annotations.documentId))
        .where(and(eq(documents.projectId, projectId), isNotNull(annotations.userId)))
        .all(),
    );
    const result = balanceAssignments({
      documents: documentIds,
      annotators,
      assigned,
      started,
      annotatorsPerDocument: perDocument,
    });
    // By subquery, not by the list of ids: a large project has more than one statement can bind.
    tx.delete(assignments)
      .where(inArray(assignments.documentId, projectDocumentIds(tx, projectId)))
      .run();
    const rows = documentIds.flatMap((documentId, position) =>
      (result.get(documentId) ?? []).map((userId) => ({ documentId, userId, position })),
    );
    for (let i = 0; i < rows.length; i += 500)
      tx.insert(assignments)
        .values(rows.slice(i, i + 500))
        .run();
    return {
      documents: documentIds.length,
      annotators: annotators.length,
      assignments: rows.length,
    };
  });
}

/** An owner's manual choice, on top of (or instead of) the balanced one. */
export function assignDocument(db: Db, projectId: number, documentId: number, userId: number) {
  const position = listDocumentIds(db, projectId).indexOf(documentId);
  if (position < 0) throw new DomainError("NOT_FOUND", `no document ${documentId} in this project`);
  if (!findMembership(db, projectId, userId)) {
    throw new DomainError("BAD_REQUEST", `user ${userId} is not a member of this project`);
  }
  db.insert(assignments).values({ documentId, userId, position }).onConflictDoNothing().run();
  return { documentId, userId };
}

/** Takes a document out of someone's queue; whatever they annotated on it stays. */
export function unassignDocument(db: Db, projectId: number, documentId: number, userId: number) {
  if (!listDocumentIds(db, projectId).includes(documentId)) {
    throw new DomainError("NOT_FOUND", `no document ${documentId} in this project`);
  }
  db.delete(assignments)
    .where(and(eq(assignments.documentId, documentId), eq(assignments.userId, userId)))
    .run();
  return { documentId, userId };
}

export function listProjectAssignments(db: Queryable, projectId: number) {
  return db
    .select({ documentId: assignments.documentId, userId: assignments.userId })
    .from(assignments)
    .innerJoin(documents, eq(documents.id, assignments.documentId))
    .where(eq(documents.projectId, projectId))
    .all();
}

/** Whether the project hands out work through assignments (else every member sees every document). */
export function usesAssignments(db: Queryable, projectId: number): boolean {
  return Boolean(findAnyAssignment(db).get({ projectId }));
}

const findAnyAssignment = preparedQuery((db) =>
  db
    .select({ id: assignments.documentId })
    .from(assignments)
    .innerJoin(documents, eq(documents.id, assignments.documentId))
    .where(eq(documents.projectId, sql.placeholder("projectId")))
    .limit(1)
    .prepare(),
);

export function isAssigned(db: Queryable, documentId: number, userId: number): boolean {
  return Boolean(findAssignment(db).get({ documentId, userId }));
}

const findAssignment = preparedQuery((db) =>
  db
    .select({ id: assignments.documentId })
    .from(assignments)
    .where(
      and(
        eq(assignments.documentId, sql.placeholder("documentId")),
        eq(assignments.userId, sql.placeholder("userId")),
      ),
    )
    .prepare(),
);

function listDocumentIds(db: Queryable, projectId: number): number[] {
  return db
    .select({ id: documents.id })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.id))
    .all()
    .map((row) => row.id);
}

function projectDocumentIds(db: Queryable, projectId: number) {
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
