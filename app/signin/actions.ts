"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/server/auth";
import { minutesOf } from "@/server/services/sign-in-throttle";

/** The refusal to show, and the email to fill in again: React empties a form after its action. */
export type SignInState = { error: string | null; email: string };

export async function signInWithPassword(_: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: form.get("password"),
      redirectTo: safeCallbackUrl(form.get("callbackUrl")),
    });
  } catch (error) {
    // Only a failed sign-in is ours to report; the redirect after success must propagate.
    if (error instanceof AuthError) return { error: describeRefusal(error), email };
    throw error;
  }
  return { error: null, email };
}

function describeRefusal(error: AuthError): string {
  const throttled = error instanceof CredentialsSignin && /^throttled:(\d+)$/.exec(error.code);
  if (throttled)
    return `Too many failed attempts. Try again in ${minutesOf(Number(throttled[1]))}.`;
  return "Wrong email or password.";
}

/** Keeps only the path: whatever origin the callback names, sign-in never leaves this site. */
function safeCallbackUrl(value: FormDataEntryValue | null): string {
  if (typeof value !== "string" || value === "") return "/projects";
  try {
    const url = new URL(value, "http://placeholder.invalid");
    return url.pathname + url.search;
  } catch {
    return "/projects";
  }
}
