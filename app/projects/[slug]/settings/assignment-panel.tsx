"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorBanner } from "../../../_components/error-banner";
import { useTRPC } from "../../../_trpc/client";
import { useRefreshingMutationOptions } from "../../../_trpc/use-refreshing-mutation-options";
import { ManualAssignment } from "./manual-assignment";
import { countOf } from "@/domain/count-of";

/** Balanced assignment: every document to k annotators, keeping work already started. */
export function AssignmentPanel({
  projectSlug,
  annotatorsPerDocument,
}: {
  projectSlug: string;
  annotatorsPerDocument: number;
}) {
  const trpc = useTRPC();
  const [k, setK] = useState(annotatorsPerDocument);
  const feedback = useRefreshingMutationOptions([
    trpc.project.pathKey(),
    trpc.assignment.pathKey(),
  ]);
  const rebalance = useMutation(trpc.assignment.rebalance.mutationOptions(feedback.options));
  return (
    <div className="grid gap-2 text-sm">
      <p className="text-muted">
        Run again after members join or leave: started work stays where it is, the rest is shared
        out evenly.
      </p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2">
          Annotators per document
          <input
            type="number"
            min={1}
            max={50}
            value={k}
            onChange={(e) => setK(Number(e.target.value))}
            className="w-20 rounded border px-2 py-1"
          />
        </label>
        <button
          type="button"
          onClick={() => rebalance.mutate({ projectSlug, annotatorsPerDocument: k })}
          className="rounded bg-blue-700 px-3 py-1 font-medium text-white"
        >
          Assign documents
        </button>
      </div>
      <ErrorBanner message={feedback.error} onDismiss={feedback.clearError} />
      <ManualAssignment projectSlug={projectSlug} />
      {rebalance.data && (
        <p role="status">
          Assigned {countOf(rebalance.data.documents, "document")} to{" "}
          {countOf(rebalance.data.annotators, "annotator")} ({rebalance.data.assignments}{" "}
          assignments).
        </p>
      )}
    </div>
  );
}
