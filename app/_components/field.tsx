import type { InputHTMLAttributes } from "react";
import { passwordLength } from "@/domain/passwords";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string };

export function Field({ label, ...input }: FieldProps) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      <input
        {...input}
        className="w-full rounded border border-zinc-300 bg-transparent px-3 py-2 dark:border-zinc-700"
      />
    </label>
  );
}

/** The password of a form: one being chosen asks for the server's length rule before sending. */
export function PasswordField({ choosing }: { choosing: boolean }) {
  const rule = choosing ? { minLength: passwordLength.min, maxLength: passwordLength.max } : {};
  return (
    <Field
      label="Password"
      name="password"
      type="password"
      autoComplete={choosing ? "new-password" : "current-password"}
      required
      {...rule}
    />
  );
}

export function SubmitButton({ children, pending }: { children: string; pending: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded bg-blue-700 px-3 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
    >
      {children}
    </button>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className="rounded bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
    >
      {message}
    </p>
  );
}
