import { and, asc, count, eq } from "drizzle-orm";
import { inByteOrder } from "@/db/byte-order";
import { tablesOf, type Db, type Queryable } from "@/db/open-database";
import type { MemberRole } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import { setMembership } from "./projects";

export async function listMembers(db: Queryable, projectId: number) {
  const { memberships, users } = tablesOf(db);
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.projectId, projectId))
    .orderBy(asc(inByteOrder(db, users.name)), asc(users.id));
}

export function changeMemberRole(db: Db, projectId: number, userId: number, role: MemberRole) {
  return db.transaction(async (tx) => {
    const current = await findRole(tx, projectId, userId);
    if (current === "owner" && role !== "owner") await assertAnotherOwner(tx, projectId);
    await setMembership(tx, projectId, userId, role);
    return { userId, role };
  });
}

/**
 * Removes a member. Their annotations stay, attributed to them: nothing annotated is ever lost,
 * and without membership nobody can change it in their name.
 */
export function removeMember(db: Db, projectId: number, userId: number) {
  return db.transaction(async (tx) => {
    const { memberships } = tablesOf(tx);
    if ((await findRole(tx, projectId, userId)) === "owner")
      await assertAnotherOwner(tx, projectId);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)));
    return { userId };
  });
}

async function findRole(db: Queryable, projectId: number, userId: number): Promise<MemberRole> {
  const { memberships } = tablesOf(db);
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)))
    .limit(1);
  if (!row) throw new DomainError("NOT_FOUND", `user ${userId} is not a member of this project`);
  return row.role;
}

async function assertAnotherOwner(db: Queryable, projectId: number) {
  const { memberships } = tablesOf(db);
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.projectId, projectId), eq(memberships.role, "owner")));
  if ((row?.n ?? 0) <= 1) throw new DomainError("CONFLICT", "a project needs at least one owner");
}
