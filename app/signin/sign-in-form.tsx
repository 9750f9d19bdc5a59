"use client";

import { useActionState } from "react";
import { Field, FormError, PasswordField, SubmitButton } from "../_components/field";
import { signInWithPassword } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signInWithPassword, {
    error: null,
    email: "",
  });
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        defaultValue={state.email}
        required
      />
      <PasswordField choosing={false} />
      <FormError message={state.error} />
      <SubmitButton pending={pending}>Sign in</SubmitButton>
    </form>
  );
}
