"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useTRPC, useTRPCClient } from "../../../../_trpc/client";
import { SpanStore, type Layer, type SpanApi } from "./span-store";
import { hasUnsavedChanges, retainSpanStore, spanStoreFor } from "./span-store-registry";

/**
 * The document's span store, made from the workspace query, with the tRPC client as its server.
 * Every saved change is written into the cached query too, so a later visit starts from it.
 * Submitting refreshes every workspace and project query: progress and "next to do" move.
 */
export function useSpanStore(documentId: number, layer: Layer, allowOverlap: boolean) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [store] = useState(() => {
    const queryKey = trpc.document.workspace.queryKey({ documentId });
    // A fetch of the workspace begun before a save would answer with the layer as it was.
    const fresh = <T>(call: () => Promise<T>) => queryClient.cancelQueries({ queryKey }).then(call);
    const api: SpanApi = {
      addSpan: (input) => fresh(() => client.annotation.addSpan.mutate(input)),
      addSpans: (input) => fresh(() => client.annotation.addSpans.mutate(input)),
      relabelSpan: (input) => fresh(() => client.annotation.relabelSpan.mutate(input)),
      deleteSpan: (input) => fresh(() => client.annotation.deleteSpan.mutate(input)),
      deleteSpans: (input) => fresh(() => client.annotation.deleteSpans.mutate(input)),
      submit: async (input) => {
        const result = await fresh(() => client.annotation.submit.mutate(input));
        void queryClient.invalidateQueries({ queryKey: trpc.document.workspace.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.project.pathKey() });
        return result;
      },
    };
    const keepCacheCurrent = (saved: Layer) =>
      queryClient.setQueryData(queryKey, (cached) =>
        cached ? { ...cached, annotation: saved } : cached,
      );
    return spanStoreFor(
      documentId,
      () => new SpanStore(documentId, layer, api, allowOverlap, keepCacheCurrent),
    );
  });
  useEffect(() => {
    retainSpanStore(documentId, store, true);
    return () => retainSpanStore(documentId, store, false);
  }, [documentId, store]);
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
