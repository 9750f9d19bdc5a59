import bcrypt from "bcryptjs";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { tablesOf, type Db, type Queryable, type Tables, type Tx } from "@/db/open-database";
import { preparedQuery } from "@/db/prepared-query";
import { returnedRow } from "@/db/returned-row";
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

const publicColumns = ({ users }: Tables) => ({
  id: users.id,
  name: users.name,
  email: users.email,
  isAdmin: users.isAdmin,
});
export const bcryptCost = 10;

export function countUsers(db: Queryable): Promise<number> {
  return db.$count(tablesOf(db).users);
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
  return db.transaction(async (tx) => {
    if ((await countUsers(tx)) > 0) {
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
  const { users } = tablesOf(db);
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
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

export async function findUserByEmail(db: Db, email: string): Promise<PublicUser> {
  const tables = tablesOf(db);
  const [user] = await db
    .select(publicColumns(tables))
    .from(tables.users)
    .where(eq(tables.users.email, email.trim().toLowerCase()))
    .limit(1);
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

async function assertNameAndEmailFree(tx: Tx, user: NewUser) {
  const { users } = tablesOf(tx);
  if (await tx.$count(users, eq(users.email, user.email))) {
    throw new DomainError("CONFLICT", `a user with email ${user.email} already exists`);
  }
  if (await tx.$count(users, eq(users.name, user.name))) {
    throw new DomainError("CONFLICT", `a user named "${user.name}" already exists`);
  }
}

export async function insertUser(
  tx: Tx,
  user: NewUser,
  passwordHash: string,
  isAdmin: boolean,
): Promise<PublicUser> {
  const tables = tablesOf(tx);
  await assertNameAndEmailFree(tx, user);
  return returnedRow(
    await tx
      .insert(tables.users)
      .values({ email: user.email, name: user.name, passwordHash, isAdmin })
      .returning(publicColumns(tables)),
  );
}

/** The signed-in user, if the account still exists and is active; sessions outlive neither. */
export async function findActiveUser(db: Queryable, userId: number) {
  const user = await findAccount(db).first({ userId });
  return user && !user.deactivated ? user : null;
}

// Asked on every request (see findSessionUser).
const findAccount = preparedQuery((db, tables) =>
  db
    .select({
      ...publicColumns(tables),
      deactivated: tables.users.deactivated,
      sessionVersion: tables.users.sessionVersion,
    })
    .from(tables.users)
    .where(eq(tables.users.id, sql.placeholder("userId"))),
);

/** Ends every session the account has, wherever it was issued: sign-out, deactivation, a new password. */
export async function endSessions(db: Queryable, userId: number) {
  const { users } = tablesOf(db);
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
