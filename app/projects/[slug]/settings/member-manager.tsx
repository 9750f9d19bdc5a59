"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorBanner } from "../../../_components/error-banner";
import { QueryState } from "../../../_components/query-state";
import { useTRPC } from "../../../_trpc/client";
import { useRefreshingMutationOptions } from "../../../_trpc/use-refreshing-mutation-options";
import { CreatedInvitation, PendingInvitations } from "./invitations";

const roles = ["owner", "annotator", "reviewer"] as const;
type Role = (typeof roles)[number];

/**
 * Members with their roles; removing one keeps what they annotated. New members come by
 * invitation, whatever the address: the answer never tells whether it has an account.
 */
export function MemberManager({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.member.list.queryOptions({ projectSlug }));
  const feedback = useRefreshingMutationOptions([trpc.member.pathKey(), trpc.project.pathKey()]);
  const add = useMutation(trpc.member.add.mutationOptions(feedback.options));
  const setRole = useMutation(trpc.member.setRole.mutationOptions(feedback.options));
  const remove = useMutation(trpc.member.remove.mutationOptions(feedback.options));
  const [email, setEmail] = useState("");
  const [role, setNewRole] = useState<Role>("annotator");
  const [created, setCreated] = useState<{ email: string; role: Role; path: string } | null>(null);
  if (!members.data) return <QueryState query={members} />;

  return (
    <div className="text-sm">
      <ErrorBanner message={feedback.error} onDismiss={feedback.clearError} />
      <table aria-label="Members" className="mb-3 w-full text-left">
        <tbody>
          {members.data.map((member) => (
            <tr key={member.userId} className="border-b border-zinc-100 dark:border-zinc-900">
              <th scope="row" className="py-1 pr-4 font-medium">
                {member.name}
              </th>
              <td className="py-1 pr-4 text-muted">{member.email ?? "no email"}</td>
              <td className="py-1 pr-4">
                <select
                  aria-label={`Role of ${member.name}`}
                  value={member.role}
                  onChange={(e) =>
                    setRole.mutate({
                      projectSlug,
                      userId: member.userId,
                      role: e.target.value as Role,
                    })
                  }
                  className="rounded border bg-transparent px-1 py-0.5"
                >
                  {roles.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </td>
              <td className="py-1">
                <button
                  type="button"
                  onClick={() => remove.mutate({ projectSlug, userId: member.userId })}
                  className="underline"
                >
                  Remove {member.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="flex flex-wrap gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          setCreated(null);
          add.mutate(
            { projectSlug, email: email.trim(), role },
            {
              onSuccess: (invitation) => {
                setEmail("");
                setCreated(invitation);
              },
            },
          );
        }}
      >
        <input
          aria-label="Member email"
          type="email"
          placeholder="email@example.org"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          className="rounded border px-2 py-1"
          required
        />
        <select
          aria-label="Role of the new member"
          value={role}
          onChange={(e) => setNewRole(e.target.value as Role)}
          className="rounded border bg-transparent px-1 py-1"
        >
          {roles.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <button type="submit" className="rounded border px-3 py-1">
          Invite member
        </button>
      </form>
      {created && <CreatedInvitation invitation={created} onDismiss={() => setCreated(null)} />}
      <PendingInvitations projectSlug={projectSlug} mutationOptions={feedback.options} />
    </div>
  );
}
