"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useTRPC } from "../../../../_trpc/client";

/** Loads the documents the keys lead to in the background, so J, K and N open them at once. */
export function usePrefetchDocuments(projectSlug: string, ...documentIds: (number | null)[]) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [previous, next, nextUnsubmitted] = documentIds;
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const documentId of new Set([previous, next, nextUnsubmitted])) {
        if (!documentId) continue;
        router.prefetch(`/projects/${projectSlug}/documents/${documentId}`);
        void queryClient.prefetchQuery(trpc.document.workspace.queryOptions({ documentId }));
      }
    }, 1_000);
    return () => clearTimeout(timer);
  }, [projectSlug, previous, next, nextUnsubmitted, queryClient, router, trpc]);
}
