"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../../../_trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";
import type { TextSpan } from "../../../../_components/text/types";

type Workspace = inferRouterOutputs<AppRouter>["document"]["workspace"];

/**
 * The span changes of the annotation page. Each one writes the server's answer straight into the
 * cached workspace, so the page never waits for a refetch; a refused change is reported in `error`.
 */
export function useWorkspaceMutations(documentId: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const queryKey = trpc.document.workspace.queryKey({ documentId });

  const update = (change: (annotation: Workspace["annotation"]) => Workspace["annotation"]) => {
    setError(null);
    queryClient.setQueryData(queryKey, (workspace) =>
      workspace ? { ...workspace, annotation: change(workspace.annotation) } : workspace,
    );
  };
  const onError = (failure: { message: string }) => setError(failure.message);
  const withSpan = (spans: TextSpan[], span: TextSpan) =>
    [...spans.filter((other) => other.id !== span.id), span].sort(
      (a, b) => a.start - b.start || a.end - b.end,
    );

  const addSpan = useMutation(
    trpc.annotation.addSpan.mutationOptions({
      onError,
      onSuccess: ({ span, version }) =>
        update((annotation) => ({
          status: annotation.status === "not_started" ? "in_progress" : annotation.status,
          version,
          spans: withSpan(annotation.spans, span),
        })),
    }),
  );

  const relabelSpan = useMutation(
    trpc.annotation.relabelSpan.mutationOptions({
      onError,
      onSuccess: ({ span, version }, { spanId }) =>
        update((annotation) => ({
          ...annotation,
          version,
          spans: withSpan(
            annotation.spans.filter((other) => other.id !== spanId),
            span,
          ),
        })),
    }),
  );

  const deleteSpan = useMutation(
    trpc.annotation.deleteSpan.mutationOptions({
      onError,
      onSuccess: ({ version }, { spanId }) =>
        update((annotation) => ({
          ...annotation,
          version,
          spans: annotation.spans.filter((span) => span.id !== spanId),
        })),
    }),
  );

  const submit = useMutation(
    trpc.annotation.submit.mutationOptions({
      onError,
      onSuccess: ({ status, version }) =>
        update((annotation) => ({ ...annotation, status, version })),
    }),
  );

  return { addSpan, relabelSpan, deleteSpan, submit, error, clearError: () => setError(null) };
}
