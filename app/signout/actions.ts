"use server";

import { auth, signOut } from "@/server/auth";
import { getDb } from "@/server/database";
import { endSessions } from "@/server/services/users";

/** Signing out ends the account's sessions everywhere, not only this browser's cookie. */
export async function signOutAction() {
  const userId = Number((await auth())?.user?.id);
  if (Number.isInteger(userId)) await endSessions(getDb(), userId);
  await signOut({ redirectTo: "/signin" });
}
