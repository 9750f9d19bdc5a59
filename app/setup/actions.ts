"use server";

import { DomainError } from "@/domain/errors";
import { signIn } from "@/server/auth";
import { registerFirstAdmin } from "@/server/auth/first-run";

export type SetupState = { error: string | null };

export async function createAdminAccount(_: SetupState, form: FormData): Promise<SetupState> {
  const input = {
    name: String(form.get("name") ?? ""),
    email: String(form.get("email") ?? ""),
    password: String(form.get("password") ?? ""),
  };
  try {
    await registerFirstAdmin(input);
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message };
    throw error;
  }
  await signIn("credentials", {
    email: input.email,
    password: input.password,
    redirectTo: "/projects",
  });
  return { error: null };
}
