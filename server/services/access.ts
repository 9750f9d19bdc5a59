import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/open-database";
import { annotations, documents, projects, type MemberRole } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import { isAssigned, usesAssignments } from "./assignments";
import { findMembership } from "./projects";

const annotatingRoles: readonly MemberRole[] = ["owner", "annotator"];
const reviewingRoles: readonly MemberRole[] = ["owner", "reviewer"];

/** The document with its project, for a member of that project; NOT_FOUND for everyone else. */
export function getDocumentForMember(db: Queryable, documentId: number, userId: number) {
  const row = db
    .select({ document: documents, project: projects })
    .from(documents)
    .innerJoin(projects, eq(projects.id, documents.projectId))
    .where(eq(documents.id, documentId))
    .get();
  const membership = row && findMembership(db, row.project.id, userId);
  const visible =
    row &&
    membership &&
    (membership.role !== "annotator" || isInQueue(db, row.project.id, documentId, userId));
  if (!row || !membership || !visible)
    throw new DomainError("NOT_FOUND", `no document ${documentId}`);
  return { ...row, role: membership.role };
}

export function assertCanAnnotate(role: MemberRole) {
  if (!annotatingRoles.includes(role)) {
    throw new DomainError("FORBIDDEN", `a ${role} cannot annotate in this project`);
  }
}

export function assertCanReview(role: MemberRole) {
  if (!reviewingRoles.includes(role)) {
    throw new DomainError("FORBIDDEN", "only reviewers and owners can review this project");
  }
}

/**
 * Where a project hands out work, an annotator reaches only the documents in their queue (and any
 * they already worked on); elsewhere every member reaches every document.
 */
function isInQueue(db: Queryable, projectId: number, documentId: number, userId: number): boolean {
  if (!usesAssignments(db, projectId) || isAssigned(db, documentId, userId)) return true;
  const own = db
    .select({ id: annotations.id })
    .from(annotations)
    .where(and(eq(annotations.documentId, documentId), eq(annotations.userId, userId)))
    .get();
  return Boolean(own);
}
