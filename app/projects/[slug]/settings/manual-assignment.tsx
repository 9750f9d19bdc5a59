"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QueryState } from "../../../_components/query-state";
import { useTRPC } from "../../../_trpc/client";
import { useRefreshingMutationOptions } from "../../../_trpc/use-refreshing-mutation-options";

const shownDocuments = 200;

/** Documents against annotators: a tick hands a document to someone, by hand. */
export function ManualAssignment({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const listed = useQuery(trpc.document.list.queryOptions({ projectSlug, limit: shownDocuments }));
  const members = useQuery(trpc.member.list.queryOptions({ projectSlug }));
  const assignments = useQuery(trpc.assignment.list.queryOptions({ projectSlug }));
  const feedback = useRefreshingMutationOptions([
    trpc.assignment.pathKey(),
    trpc.project.pathKey(),
    trpc.document.pathKey(),
  ]);
  const assign = useMutation(trpc.assignment.assign.mutationOptions(feedback.options));
  const unassign = useMutation(trpc.assignment.unassign.mutationOptions(feedback.options));
  // The tick shows at once; a refused change puts it back.
  const [ticks, setTicks] = useState(new Map<string, boolean>());
  const tick = (key: string, value: boolean | null) =>
    setTicks((current) => {
      const next = new Map(current);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    });
  if (!listed.data || !members.data || !assignments.data) {
    return <QueryState query={listed.data ? (members.data ? assignments : members) : listed} />;
  }
  const annotators = members.data.filter((member) => member.role === "annotator");
  const has = new Set(assignments.data.map((a) => `${a.documentId}:${a.userId}`));

  return (
    <details className="text-sm">
      <summary className="cursor-pointer">Assign by hand</summary>
      {feedback.error && <p role="alert">{feedback.error}</p>}
      <table aria-label="Assignments" className="mt-2 text-left">
        <thead>
          <tr>
            <th className="pr-4">Document</th>
            {annotators.map((annotator) => (
              <th key={annotator.userId} className="px-2">
                {annotator.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {listed.data.items.map((document) => (
            <tr key={document.id}>
              <th scope="row" className="pr-4 font-normal">
                {document.externalId ?? `#${document.id}`}
              </th>
              {annotators.map((annotator) => {
                const key = `${document.id}:${annotator.userId}`;
                const input = { projectSlug, documentId: document.id, userId: annotator.userId };
                return (
                  <td key={key} className="px-2 text-center">
                    <input
                      type="checkbox"
                      aria-label={`${document.externalId ?? document.id} to ${annotator.name}`}
                      checked={ticks.get(key) ?? has.has(key)}
                      onChange={(e) => {
                        const checked = e.target.checked;
                        tick(key, checked);
                        (checked ? assign : unassign).mutate(input, {
                          onError: () => tick(key, null),
                        });
                      }}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
