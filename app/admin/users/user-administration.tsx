"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { passwordLength } from "@/domain/passwords";
import { ErrorBanner } from "../../_components/error-banner";
import { QueryState } from "../../_components/query-state";
import { useTRPC } from "../../_trpc/client";
import { useRefreshingMutationOptions } from "../../_trpc/use-refreshing-mutation-options";

/** The site administrator's accounts: create, reset a password, deactivate or reactivate. */
export function UserAdministration() {
  const trpc = useTRPC();
  const accounts = useQuery(trpc.admin.users.queryOptions());
  const feedback = useRefreshingMutationOptions([trpc.admin.users.queryKey()]);
  const create = useMutation(trpc.admin.createUser.mutationOptions(feedback.options));
  const reset = useMutation(trpc.admin.resetPassword.mutationOptions(feedback.options));
  const deactivate = useMutation(trpc.admin.setDeactivated.mutationOptions(feedback.options));
  const [resetting, setResetting] = useState<number | null>(null);
  // A refused or failed load still names the page, for those who move by headings.
  if (!accounts.data) {
    return (
      <section>
        <h1 className="mb-4 text-2xl font-semibold">Users</h1>
        <QueryState query={accounts} />
      </section>
    );
  }

  return (
    <section className="text-sm">
      <h1 className="mb-4 text-2xl font-semibold">Users</h1>
      <ErrorBanner message={feedback.error} onDismiss={feedback.clearError} />
      <table aria-label="Users" className="mb-6 w-full text-left">
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            <th className="py-2 pr-4">Name</th>
            <th className="py-2 pr-4">Email</th>
            <th className="py-2 pr-4">Status</th>
            <th className="py-2">Actions</th>
          </tr>
        </thead>
        <tbody>
          {accounts.data.map((user) => (
            <tr key={user.id} className="border-b border-zinc-100 dark:border-zinc-900">
              <th scope="row" className="py-1 pr-4 font-medium">
                {user.name}
                {user.isAdmin && <span className="ml-2 text-xs text-muted">admin</span>}
              </th>
              <td className="py-1 pr-4">{user.email ?? "—"}</td>
              <td className="py-1 pr-4">
                {user.deactivated
                  ? "deactivated"
                  : user.hasPassword
                    ? "active"
                    : "cannot sign in yet"}
              </td>
              <td className="flex flex-wrap gap-3 py-1">
                <button
                  type="button"
                  onClick={() =>
                    deactivate.mutate({ userId: user.id, deactivated: !user.deactivated })
                  }
                  className="underline"
                >
                  {user.deactivated ? "Reactivate" : "Deactivate"} {user.name}
                </button>
                {resetting === user.id ? (
                  <form
                    className="flex gap-2"
                    onSubmit={(event) => {
                      event.preventDefault();
                      const form = new FormData(event.currentTarget);
                      const email = String(form.get("email") ?? "").trim();
                      reset.mutate(
                        {
                          userId: user.id,
                          password: String(form.get("password")),
                          ...(email ? { email } : {}),
                        },
                        { onSuccess: () => setResetting(null) },
                      );
                    }}
                  >
                    {!user.email && (
                      <input
                        name="email"
                        type="email"
                        aria-label={`Email for ${user.name}`}
                        placeholder="email"
                        className="rounded border px-1"
                        required
                      />
                    )}
                    <input
                      name="password"
                      type="password"
                      aria-label={`New password for ${user.name}`}
                      minLength={passwordLength.min}
                      maxLength={passwordLength.max}
                      className="rounded border px-1"
                      required
                    />
                    <button type="submit" className="underline">
                      Set password
                    </button>
                  </form>
                ) : (
                  <button type="button" onClick={() => setResetting(user.id)} className="underline">
                    Reset password of {user.name}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        aria-label="New user"
        className="grid max-w-md gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          create.mutate(
            {
              name: String(form.get("name")),
              email: String(form.get("email")),
              password: String(form.get("password")),
              isAdmin: form.get("isAdmin") === "on",
            },
            { onSuccess: () => (event.target as HTMLFormElement).reset() },
          );
        }}
      >
        <h2 className="text-lg font-semibold">New user</h2>
        <input
          name="name"
          aria-label="Name"
          placeholder="Name"
          required
          className="rounded border px-2 py-1"
        />
        <input
          name="email"
          type="email"
          aria-label="Email"
          placeholder="Email"
          required
          className="rounded border px-2 py-1"
        />
        <input
          name="password"
          type="password"
          aria-label="Password"
          placeholder={`Password (${passwordLength.min} or more characters)`}
          minLength={passwordLength.min}
          maxLength={passwordLength.max}
          required
          className="rounded border px-2 py-1"
        />
        <label className="flex items-center gap-2">
          <input type="checkbox" name="isAdmin" /> Site administrator
        </label>
        <div>
          <button type="submit" className="rounded bg-blue-700 px-3 py-1 font-medium text-white">
            Create user
          </button>
        </div>
      </form>
    </section>
  );
}
