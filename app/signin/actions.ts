"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/server/auth";

export type SignInState = { error: string | null };

export async function signInWithPassword(_: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeCallbackUrl(form.get("callbackUrl")),
    });
  } catch (error) {
    // Only a failed sign-in is ours to report; the redirect after success must propagate.
    if (error instanceof AuthError) return { error: "Wrong email or password." };
    throw error;
  }
  return { error: null };
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
