"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { LayerRules } from "@/domain/span-edits-check";
import { useTRPC, useTRPCClient } from "../../../../_trpc/client";
import { SpanStore, type Layer, type LayerSource, type SpanApi } from "./span-store";
import { hasUnsavedChanges, showSpanStore, spanStoreFor } from "./span-store-registry";

/**
 * The document's span store, over the workspace query: the store reads the server's layer from
 * the query cache and writes every saved change into it, so a later visit starts from there.
 * Submitting refreshes every workspace and project query: progress and "next to do" move. A
 * write refused as stale reloads the workspace, for the store to rebase its unsaved changes on.
 */
export function useSpanStore(documentId: number, layer: Layer, rules: LayerRules) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [store] = useState(() => {
    const queryKey = trpc.document.workspace.queryKey({ documentId });
    // A fetch of the workspace begun before a save would answer with the layer as it was.
    const fresh = <T>(call: () => Promise<T>) => queryClient.cancelQueries({ queryKey }).then(call);
    const api: SpanApi = {
      edit: (input) => fresh(() => client.annotation.edit.mutate(input)),
      submit: async (input) => {
        const result = await fresh(() => client.annotation.submit.mutate(input));
        void queryClient.invalidateQueries({ queryKey: trpc.document.workspace.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.project.pathKey() });
        return result;
      },
      reload: async () => {
        await queryClient.cancelQueries({ queryKey });
        await queryClient.fetchQuery({
          ...trpc.document.workspace.queryOptions({ documentId }),
          staleTime: 0,
        });
      },
    };
    const source: LayerSource = {
      read: () => queryClient.getQueryData(queryKey)?.annotation,
      write: (saved) =>
        queryClient.setQueryData(queryKey, (cached) =>
          cached ? { ...cached, annotation: saved } : cached,
        ),
    };
    return spanStoreFor(documentId, () => new SpanStore(documentId, rules, source, api));
  });
  useEffect(() => {
    showSpanStore(documentId, store, true);
    return () => showSpanStore(documentId, store, false);
  }, [documentId, store]);
  useEffect(() => store.refresh(), [store, layer]);
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
