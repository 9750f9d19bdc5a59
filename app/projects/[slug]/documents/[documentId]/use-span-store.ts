"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useTRPC, useTRPCClient } from "../../../../_trpc/client";
import { hasUnsavedChanges, spanStoreFor, SpanStore, type Layer } from "./span-store";

/**
 * The document's span store, created from the workspace query the first time the tab opens the
 * document, with the tRPC client as its server. Submitting refreshes every workspace and project
 * query, since progress and "next unsubmitted" change with it.
 */
export function useSpanStore(documentId: number, layer: Layer, allowOverlap: boolean) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [store] = useState(() =>
    spanStoreFor(
      documentId,
      () =>
        new SpanStore(
          documentId,
          layer,
          {
            addSpan: (input) => client.annotation.addSpan.mutate(input),
            addSpans: (input) => client.annotation.addSpans.mutate(input),
            relabelSpan: (input) => client.annotation.relabelSpan.mutate(input),
            deleteSpan: (input) => client.annotation.deleteSpan.mutate(input),
            deleteSpans: (input) => client.annotation.deleteSpans.mutate(input),
            submit: async (input) => {
              const result = await client.annotation.submit.mutate(input);
              void queryClient.invalidateQueries({ queryKey: trpc.document.workspace.pathKey() });
              void queryClient.invalidateQueries({ queryKey: trpc.project.pathKey() });
              return result;
            },
          },
          allowOverlap,
        ),
    ),
  );
  useEffect(() => store.syncFromServer(layer), [store, layer]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);

  useEffect(() => {
    if (snapshot.saveState === "saved") return;
    const warn = (event: BeforeUnloadEvent) => {
      if (hasUnsavedChanges()) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [snapshot.saveState]);

  return { store, snapshot };
}
