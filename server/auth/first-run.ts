import "server-only";
import { getDb } from "../database";
import { createFirstAdmin, countUsers, type NewUser } from "../services/users";

/** Until someone has an account, the app asks for the first administrator instead of a sign-in. */
export async function hasAnyUser(): Promise<boolean> {
  return (await countUsers(getDb())) > 0;
}

export function registerFirstAdmin(input: NewUser) {
  return createFirstAdmin(getDb(), input);
}
