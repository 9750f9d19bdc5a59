import { and, asc, count, eq } from "drizzle-orm";
import type { Db, Queryable } from "@/db/open-database";
import { memberships, users, type MemberRole } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import { setMembership } from "./projects";

export function listMembers(db: Queryable, projectId: number) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.projectId, projectId))
    .orderBy(asc(users.name))
    .all();
}

export function changeMemberRole(db: Db, projectId: number, userId: number, role: MemberRole) {
  return db.transaction((tx) => {
    const current = findRole(tx, projectId, userId);
    if (current === "owner" && role !== "owner") assertAnotherOwner(tx, projectId);
    setMembership(tx, projectId, userId, role);
    return { userId, role };
  });
}

/**
 * Removes a member. Their annotations stay, attributed to them: nothing annotated is ever lost,
 * and without membership nobody can change it in their name.
 */
export function removeMember(db: Db, projectId: number, userId: number) {
  return db.transaction((tx) => {
    if (findRole(tx, projectId, userId) === "owner") assertAnotherOwner(tx, projectId);
    tx.delete(memberships)
      .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)))
      .run();
    return { userId };
  });
}

function findRole(db: Queryable, projectId: number, userId: number): MemberRole {
  const row = db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)))
    .get();
  if (!row) throw new DomainError("NOT_FOUND", `user ${userId} is not a member of this project`);
  return row.role;
}

function assertAnotherOwner(db: Queryable, projectId: number) {
  const owners =
    db
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.projectId, projectId), eq(memberships.role, "owner")))
      .get()?.n ?? 0;
  if (owners <= 1) throw new DomainError("CONFLICT", "a project needs at least one owner");
}
