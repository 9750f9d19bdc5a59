"use client";

import { useActionState } from "react";
import { Field, FormError, PasswordField, SubmitButton } from "../_components/field";
import { createAdminAccount } from "./actions";

export function SetupForm() {
  const [state, action, pending] = useActionState(createAdminAccount, { error: null });
  return (
    <form action={action} className="space-y-4">
      <Field label="Name" name="name" autoComplete="name" required />
      <Field label="Email" name="email" type="email" autoComplete="username" required />
      <PasswordField choosing />
      <FormError message={state.error} />
      <SubmitButton pending={pending}>Create administrator</SubmitButton>
    </form>
  );
}
