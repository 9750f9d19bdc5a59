import { and, asc, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { inByteOrder } from "@/db/byte-order";
import { tablesOf, type Db, type Queryable } from "@/db/open-database";
import { preparedQuery } from "@/db/prepared-query";
import { returnedRow } from "@/db/returned-row";
import type { MemberRole } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import {
  defaultLabelColor,
  defaultLabelHotkey,
  findLabelNameProblem,
  readableTextColor,
} from "@/domain/labels";
import { findUserByEmail } from "./users";

export const projectSlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "use lowercase letters, digits and dashes");

export type NewProject = {
  slug: string;
  name: string;
  labels: string[];
  allowOverlap?: boolean;
  tokenSnapping?: boolean;
  goldAcceptShare?: number;
  /** The user who starts the project from the app becomes its first owner. */
  ownerId?: number;
};

export async function createProject(db: Db, input: NewProject) {
  const slug = projectSlugSchema.safeParse(input.slug);
  if (!slug.success)
    throw new DomainError("BAD_REQUEST", `slug "${input.slug}": ${slug.error.issues[0]?.message}`);
  if (input.name.trim() === "") throw new DomainError("BAD_REQUEST", "project name is empty");
  const share = input.goldAcceptShare ?? 1;
  if (!(share > 0 && share <= 1)) {
    throw new DomainError(
      "BAD_REQUEST",
      `gold accept share ${share} must be greater than 0 and at most 1`,
    );
  }
  input.labels.forEach((name, i) => {
    const problem = findLabelNameProblem(name);
    if (problem) throw new DomainError("BAD_REQUEST", problem);
    if (input.labels.indexOf(name) !== i) {
      throw new DomainError("BAD_REQUEST", `label "${name}" is listed twice`);
    }
  });

  return db.transaction(async (tx) => {
    const { labels, projects } = tablesOf(tx);
    if (await tx.$count(projects, eq(projects.slug, input.slug))) {
      throw new DomainError("CONFLICT", `a project with slug "${input.slug}" already exists`);
    }
    const project = returnedRow(
      await tx
        .insert(projects)
        .values({
          slug: input.slug,
          name: input.name.trim(),
          allowOverlap: input.allowOverlap ?? false,
          tokenSnapping: input.tokenSnapping ?? true,
          goldAcceptShare: share,
        })
        .returning(),
    );
    if (input.labels.length > 0) {
      await tx.insert(labels).values(
        input.labels.map((name, position) => ({
          projectId: project.id,
          name,
          position,
          color: defaultLabelColor(position),
          hotkey: defaultLabelHotkey(position),
        })),
      );
    }
    if (input.ownerId !== undefined) await setMembership(tx, project.id, input.ownerId, "owner");
    return project;
  });
}

export async function findProjectBySlug(db: Queryable, slug: string) {
  const project = await findProject(db).first({ slug });
  if (!project) throw new DomainError("NOT_FOUND", `no project with slug "${slug}"`);
  return project;
}

/** Adds a member, or changes the role of one already there. */
export async function addMember(
  db: Db,
  input: { projectSlug: string; email: string; role: MemberRole },
) {
  const project = await findProjectBySlug(db, input.projectSlug);
  const user = await findUserByEmail(db, input.email);
  await setMembership(db, project.id, user.id, input.role);
  return { project, user, role: input.role };
}

export async function setMembership(
  db: Queryable,
  projectId: number,
  userId: number,
  role: MemberRole,
) {
  const { memberships } = tablesOf(db);
  await db
    .insert(memberships)
    .values({ projectId, userId, role })
    .onConflictDoUpdate({ target: [memberships.projectId, memberships.userId], set: { role } });
}

export function findMembership(db: Queryable, projectId: number, userId: number) {
  return findRole(db).first({ projectId, userId });
}

const findRole = preparedQuery((db, { memberships }) =>
  db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.projectId, sql.placeholder("projectId")),
        eq(memberships.userId, sql.placeholder("userId")),
      ),
    ),
);

const findProject = preparedQuery((db, { projects }) =>
  db
    .select()
    .from(projects)
    .where(eq(projects.slug, sql.placeholder("slug"))),
);

/** A project as its member sees it; NOT_FOUND (not FORBIDDEN) for others, so slugs do not leak. */
export async function getProjectForMember(db: Queryable, slug: string, userId: number) {
  const project = await findProject(db).first({ slug });
  const membership = project && (await findMembership(db, project.id, userId));
  if (!project || !membership) throw new DomainError("NOT_FOUND", `no project with slug "${slug}"`);
  return { project, role: membership.role };
}

export async function listProjectsForUser(db: Queryable, userId: number) {
  const { documents, memberships, projects } = tablesOf(db);
  return (
    db
      .select({
        slug: projects.slug,
        name: projects.name,
        description: projects.description,
        role: memberships.role,
        archived: projects.archived,
        documentCount: count(documents.id),
      })
      .from(memberships)
      .innerJoin(projects, eq(projects.id, memberships.projectId))
      .leftJoin(documents, eq(documents.projectId, projects.id))
      .where(eq(memberships.userId, userId))
      // PostgreSQL wants every selected column grouped, or determined by what is.
      .groupBy(projects.id, memberships.role)
      .orderBy(asc(projects.archived), asc(inByteOrder(db, projects.name)), asc(projects.id))
  );
}

export async function listLabels(db: Queryable, projectId: number) {
  const { labels } = tablesOf(db);
  const rows = await db
    .select({
      id: labels.id,
      name: labels.name,
      color: labels.color,
      hotkey: labels.hotkey,
      description: labels.description,
    })
    .from(labels)
    .where(eq(labels.projectId, projectId))
    .orderBy(asc(labels.position), asc(labels.id));
  return rows.map((label) => ({ ...label, textColor: readableTextColor(label.color) }));
}
