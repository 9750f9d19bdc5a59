import "server-only";
import type { Session } from "next-auth";
import type { Queryable } from "@/db/open-database";
import { DomainError } from "@/domain/errors";
import { findActiveUser } from "../services/users";

/**
 * The account behind a session, checked against the database on every request: a session
 * outlives neither a deleted nor a deactivated account, nor a sign-out or password reset (which
 * raise the account's session version past the one the session was issued under).
 */
export async function findSessionUser(db: Queryable, session: Session | null) {
  const userId = Number(session?.user?.id);
  const user = session && Number.isInteger(userId) ? await findActiveUser(db, userId) : null;
  return user && user.sessionVersion === (session?.sessionVersion ?? 0) ? user : null;
}

/** findSessionUser, or UNAUTHORIZED: tRPC and every route handler under app/api use it. */
export async function requireActiveUser(db: Queryable, session: Session | null) {
  const user = await findSessionUser(db, session);
  if (!user) throw new DomainError("UNAUTHORIZED", "sign in first");
  return user;
}
