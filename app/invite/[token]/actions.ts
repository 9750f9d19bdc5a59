"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { DomainError } from "@/domain/errors";
import { auth, signIn } from "@/server/auth";
import { findSessionUser } from "@/server/auth/active-user";
import { getDb } from "@/server/database";
import { acceptInvitation, acceptInvitationWithPassword } from "@/server/services/invitations";

export type InvitationState = { error: string | null };

/** The signed-in invitee joins; a refusal (wrong account, link used meanwhile) is shown. */
export async function acceptAsSignedIn(token: string): Promise<InvitationState> {
  const db = getDb();
  const user = await findSessionUser(db, await auth());
  if (!user) return { error: "Your session has ended: open the link again to sign in." };
  let projectSlug: string;
  try {
    projectSlug = (await acceptInvitation(db, token, user)).projectSlug;
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message };
    throw error;
  }
  redirect(`/projects/${projectSlug}`);
}

/** An invitee without a password chooses one, is signed in, and lands in the project. */
export async function acceptWithPassword(
  token: string,
  _: InvitationState,
  form: FormData,
): Promise<InvitationState> {
  const password = String(form.get("password") ?? "");
  let accepted: { projectSlug: string; email: string };
  try {
    accepted = await acceptInvitationWithPassword(getDb(), token, {
      name: String(form.get("name") ?? ""),
      password,
    });
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message };
    throw error;
  }
  try {
    await signIn("credentials", {
      email: accepted.email,
      password,
      redirectTo: `/projects/${accepted.projectSlug}`,
    });
  } catch (error) {
    // The membership stands; only the sign-in failed. The redirect after success must propagate.
    if (error instanceof AuthError)
      return { error: "You have joined the project, but signing in failed: sign in to open it." };
    throw error;
  }
  return { error: null };
}
