import bcrypt from "bcryptjs";
import { asc, eq, sql } from "drizzle-orm";
import { inByteOrder } from "@/db/byte-order";
import { isUniqueViolation } from "@/db/errors";
import { tablesOf, type Db, type Queryable } from "@/db/open-database";
import { DomainError } from "@/domain/errors";
import { bcryptCost, newUserSchema } from "./users";

/** Site administration of accounts: the admin's table of users, password resets, deactivation. */
export async function listAccounts(db: Queryable) {
  const { users } = tablesOf(db);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      isAdmin: users.isAdmin,
      deactivated: users.deactivated,
      hasPassword: users.passwordHash,
    })
    .from(users)
    .orderBy(asc(inByteOrder(db, users.name)), asc(users.id));
  return rows.map(({ hasPassword, ...user }) => ({ ...user, hasPassword: hasPassword !== null }));
}

/** Sets a new password; also how an annotator created by an import gets to sign in. */
export async function resetPassword(db: Db, userId: number, password: string, email?: string) {
  const { users } = tablesOf(db);
  const parsed = newUserSchema.pick({ password: true }).safeParse({ password });
  if (!parsed.success)
    throw new DomainError("BAD_REQUEST", `password: ${parsed.error.issues[0]?.message}`);
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new DomainError("NOT_FOUND", `no user ${userId}`);
  if (!user.email && !email)
    throw new DomainError("BAD_REQUEST", `${user.name} has no email yet: give one to sign in with`);
  const passwordHash = await bcrypt.hash(password, bcryptCost);
  try {
    await db
      .update(users)
      .set({
        passwordHash,
        // A new password ends the sessions signed in with the old one.
        sessionVersion: sql`${users.sessionVersion} + 1`,
        ...(email ? { email: email.trim().toLowerCase() } : {}),
      })
      .where(eq(users.id, userId));
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("CONFLICT", `another user has the email ${email}`);
    throw error;
  }
  return { id: userId };
}

/** A deactivated user can no longer sign in or call the API; everything they did stays. */
export async function setDeactivated(
  db: Db,
  userId: number,
  deactivated: boolean,
  byUserId: number,
) {
  const { users } = tablesOf(db);
  if (userId === byUserId && deactivated)
    throw new DomainError("BAD_REQUEST", "you cannot deactivate your own account");
  const [row] = await db
    .update(users)
    .set({ deactivated, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (!row) throw new DomainError("NOT_FOUND", `no user ${userId}`);
  return { id: userId, deactivated };
}
