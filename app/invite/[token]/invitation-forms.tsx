"use client";

import { useActionState } from "react";
import { Field, FormError, PasswordField, SubmitButton } from "../../_components/field";
import { signInWithPassword } from "../../signin/actions";
import { acceptAsSignedIn, acceptWithPassword } from "./actions";

/** The signed-in invitee's one button: accepting is a POST, never a side effect of opening. */
export function AcceptForm({ token, label }: { token: string; label: string }) {
  const [state, action, pending] = useActionState(() => acceptAsSignedIn(token), {
    error: null,
  });
  return (
    <form action={action} className="space-y-4">
      <FormError message={state.error} />
      <SubmitButton pending={pending}>{label}</SubmitButton>
    </form>
  );
}

/** A new account (name and password), or a password for an account an import created. */
export function PasswordForm({ token, askName }: { token: string; askName: boolean }) {
  const [state, action, pending] = useActionState(acceptWithPassword.bind(null, token), {
    error: null,
  });
  return (
    <form action={action} className="space-y-4">
      {askName && <Field label="Name" name="name" autoComplete="name" required />}
      <PasswordField choosing />
      <FormError message={state.error} />
      <SubmitButton pending={pending}>Join the project</SubmitButton>
    </form>
  );
}

/** An invitee with an account signs in as the invited address and comes back to accept. */
export function SignInToAccept({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState(signInWithPassword, { error: null, email });
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={`/invite/${token}`} />
      <input type="hidden" name="email" value={email} />
      <PasswordField choosing={false} />
      <FormError message={state.error} />
      <SubmitButton pending={pending}>Sign in</SubmitButton>
    </form>
  );
}
