import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open-database";
import { preparedQuery } from "@/db/prepared-query";
import type { MemberRole, projects } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import { assertCapable, capabilitiesOf, roleCapabilities } from "@/domain/permissions";
import { isAssigned, usesAssignments } from "./assignments";
import { findMembership, getProjectForMember } from "./projects";
import { findLayerRow } from "./span-layer";

type Project = typeof projects.$inferSelect;

/** What a member of this project may do, from the permission model in domain/. */
export async function getMemberCapabilities(db: Queryable, project: Project, role: MemberRole) {
  return capabilitiesOf(role, {
    blindAnnotation: project.blindAnnotation,
    usesAssignments: await usesAssignments(db, project.id),
  });
}

/** A project with the member's role and capabilities; NOT_FOUND for non-members. */
export async function getProjectAccess(db: Queryable, slug: string, userId: number) {
  const { project, role } = await getProjectForMember(db, slug, userId);
  return { project, role, capabilities: await getMemberCapabilities(db, project, role) };
}

export type DocumentAccess = Awaited<ReturnType<typeof getDocumentForMember>>;

/**
 * The document with its project, for a member who reaches it; NOT_FOUND for everyone else, so that
 * document ids do not leak.
 */
export async function getDocumentForMember(db: Queryable, documentId: number, userId: number) {
  const row = await findDocumentWithProject(db).first({ documentId });
  const membership = row && (await findMembership(db, row.project.id, userId));
  const capabilities =
    row && membership && (await getMemberCapabilities(db, row.project, membership.role));
  const reachable =
    capabilities && (capabilities.documents === "all" || (await isInQueue(db, documentId, userId)));
  if (!row || !membership || !capabilities || !reachable)
    throw new DomainError("NOT_FOUND", `no document ${documentId}`);
  return { ...row, role: membership.role, capabilities };
}

const findDocumentWithProject = preparedQuery((db, { documents, projects }) =>
  db
    .select({ document: documents, project: projects })
    .from(documents)
    .innerJoin(projects, eq(projects.id, documents.projectId))
    .where(eq(documents.id, sql.placeholder("documentId"))),
);

// The span and gold services check again inside their write transaction, where they hold only the
// role; annotating and reviewing do not depend on the project's settings.
export function assertCanAnnotate(role: MemberRole) {
  assertCapable(roleCapabilities(role), "annotate");
}

export function assertCanReview(role: MemberRole) {
  assertCapable(roleCapabilities(role), "review");
}

/** An annotator's queue: the documents assigned to them, and any they already worked on. */
async function isInQueue(db: Queryable, documentId: number, userId: number): Promise<boolean> {
  if (await isAssigned(db, documentId, userId)) return true;
  return Boolean(await findLayerRow(db, { documentId, userId }));
}
