import "server-only";
import { getDb } from "../database";
import { findActiveUser } from "../services/users";

/** Read from the database on each page, so a revoked admin loses the link at once. */
export async function isSiteAdmin(userId: number): Promise<boolean> {
  return (await findActiveUser(getDb(), userId))?.isAdmin ?? false;
}
