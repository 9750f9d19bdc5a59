import "server-only";
import { getDb } from "../database";
import { findActiveUser } from "../services/users";

/** Read from the database on each page, so a revoked admin loses the link at once. */
export function isSiteAdmin(userId: number): boolean {
  return findActiveUser(getDb(), userId)?.isAdmin ?? false;
}
