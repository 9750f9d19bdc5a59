"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { format } from "date-fns";
import { useState } from "react";
import { useTRPC } from "../../../_trpc/client";

/**
 * The link of the invitation just created. It is shown once: only its hash is stored, so the
 * owner copies it now and passes it on to the invitee.
 */
export function CreatedInvitation({
  invitation,
  onDismiss,
}: {
  invitation: { email: string; role: string; path: string };
  onDismiss: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const link = new URL(invitation.path, window.location.origin).href;
  return (
    <div role="status" className="mt-3 rounded bg-green-50 px-3 py-2 dark:bg-green-950">
      <p className="mb-2">
        Invitation created — copy link for {invitation.email} ({invitation.role}). It is shown only
        now and works once, for 7 days.
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          aria-label="Invitation link"
          readOnly
          value={link}
          onFocus={(e) => e.target.select()}
          className="min-w-0 flex-1 rounded border bg-transparent px-2 py-1 font-mono text-xs"
        />
        <button
          type="button"
          onClick={() => navigator.clipboard.writeText(link).then(() => setCopied(true))}
          className="rounded border px-3 py-1"
        >
          {copied ? "Copied" : "Copy link"}
        </button>
        <button type="button" onClick={onDismiss} className="underline">
          Done
        </button>
      </div>
    </div>
  );
}

/** Invitations nobody has accepted yet; revoking one makes its link open nothing. */
export function PendingInvitations({
  projectSlug,
  mutationOptions,
}: {
  projectSlug: string;
  mutationOptions: { onSuccess: () => Promise<void>; onError: (e: { message: string }) => void };
}) {
  const trpc = useTRPC();
  const pending = useQuery(trpc.member.invitations.queryOptions({ projectSlug }));
  const revoke = useMutation(trpc.member.revokeInvitation.mutationOptions(mutationOptions));
  if (!pending.data?.length) return null;
  return (
    <table aria-label="Pending invitations" className="mt-4 w-full text-left">
      <caption className="mb-1 text-left font-medium">Pending invitations</caption>
      <tbody>
        {pending.data.map((invitation) => (
          <tr key={invitation.id} className="border-b border-zinc-100 dark:border-zinc-900">
            <th scope="row" className="py-1 pr-4 font-normal">
              {invitation.email}
            </th>
            <td className="py-1 pr-4">{invitation.role}</td>
            <td className="py-1 pr-4 text-muted">
              {invitation.expired
                ? "expired"
                : `expires ${format(invitation.expiresAt, "d MMM yyyy, HH:mm")}`}
            </td>
            <td className="py-1">
              <button
                type="button"
                onClick={() => revoke.mutate({ projectSlug, invitationId: invitation.id })}
                className="underline"
              >
                Revoke invitation of {invitation.email}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
