import bcrypt from "bcryptjs";
import { count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable, Tx } from "@/db/open-database";
import { preparedQuery } from "@/db/prepared-query";
import { users } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import { passwordLength } from "@/domain/passwords";
import { textField } from "@/domain/text-field";

export const newUserSchema = z.object({
  email: z.email("enter a valid email address"),
  name: textField("name", { max: 100, required: true, trim: true }),
  password: z
    .string()
    .min(passwordLength.min, `password must be at least ${passwordLength.min} characters`)
    .max(passwordLength.max, `password must be at most ${passwordLength.max} characters`),
});
export type NewUser = z.infer<typeof newUserSchema>;

export type PublicUser = { id: number; name: string; email: string | null; isAdmin: boolean };

const publicColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  isAdmin: users.isAdmin,
};
export const bcryptCost = 10;

export function countUsers(db: Queryable): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export async function createUser(db: Db, input: NewUser & { isAdmin?: boolean }) {
  const user = parseNewUser(input);
  const passwordHash = await bcrypt.hash(user.password, bcryptCost);
  return db.transaction((tx) => insertUser(tx, user, passwordHash, input.isAdmin ?? false));
}

/** Creates the site admin, but only while the database has no user at all. */
export async function createFirstAdmin(db: Db, input: NewUser) {
  const user = parseNewUser(input);
  const passwordHash = await bcrypt.hash(user.password, bcryptCost);
  return db.transaction((tx) => {
    if (countUsers(tx) > 0) {
      throw new DomainError("CONFLICT", "an administrator already exists: sign in instead");
    }
    return insertUser(tx, user, passwordHash, true);
  });
}

export async function verifyCredentials(
  db: Db,
  email: string,
  password: string,
): Promise<(PublicUser & { sessionVersion: number }) | null> {
  const user = db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
  // Every refusal costs one bcrypt comparison, so the answer's timing does not tell whether the
  // e-mail has an account.
  const matches = await bcrypt.compare(password, user?.passwordHash ?? getDummyHash());
  if (!user?.passwordHash || user.deactivated || !matches) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    sessionVersion: user.sessionVersion,
  };
}

// A hash of a random string at the same cost as real ones, compared against when there is no
// account; made on first use, not at import.
let dummyHash: string | undefined;
const getDummyHash = () => (dummyHash ??= bcrypt.hashSync(crypto.randomUUID(), bcryptCost));

export function findUserByEmail(db: Db, email: string): PublicUser {
  const user = db
    .select(publicColumns)
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .get();
  if (!user) throw new DomainError("NOT_FOUND", `no user with email ${email}`);
  return user;
}

export function parseNewUser(input: NewUser): NewUser {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("BAD_REQUEST", `${issue?.path.join(".")}: ${issue?.message}`);
  }
  return { ...parsed.data, email: parsed.data.email.toLowerCase() };
}

function assertNameAndEmailFree(tx: Tx, user: NewUser) {
  if (tx.select({ id: users.id }).from(users).where(eq(users.email, user.email)).get()) {
    throw new DomainError("CONFLICT", `a user with email ${user.email} already exists`);
  }
  if (tx.select({ id: users.id }).from(users).where(eq(users.name, user.name)).get()) {
    throw new DomainError("CONFLICT", `a user named "${user.name}" already exists`);
  }
}

export function insertUser(
  tx: Tx,
  user: NewUser,
  passwordHash: string,
  isAdmin: boolean,
): PublicUser {
  assertNameAndEmailFree(tx, user);
  return tx
    .insert(users)
    .values({ email: user.email, name: user.name, passwordHash, isAdmin })
    .returning(publicColumns)
    .get();
}

/** The signed-in user, if the account still exists and is active; sessions outlive neither. */
export function findActiveUser(db: Queryable, userId: number) {
  const user = findAccount(db).get({ userId });
  return user && !user.deactivated ? user : null;
}

// Asked on every request (see findSessionUser).
const findAccount = preparedQuery((db) =>
  db
    .select({
      ...publicColumns,
      deactivated: users.deactivated,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare(),
);

/** Ends every session the account has, wherever it was issued: sign-out, deactivation, a new password. */
export function endSessions(db: Queryable, userId: number) {
  db.update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .run();
}
