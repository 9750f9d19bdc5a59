import type { SpanStore } from "./span-store";

const stores = new Map<number, SpanStore>();

/**
 * The store of a document while a page shows it or it still has changes to save: moving to
 * another document and back does not lose those. A store that is shown and idle is made anew
 * from the server's data on the next visit.
 */
export function spanStoreFor(documentId: number, create: () => SpanStore): SpanStore {
  // On the server each render answers another request, perhaps another user's, and no page
  // ever lets its store go: a kept one would draw stale spans, and another reader's.
  if (typeof window === "undefined") return create();
  const store = stores.get(documentId) ?? create();
  stores.set(documentId, store);
  return store;
}

/** The page showing the store opened (true) or closed (false). */
export function retainSpanStore(documentId: number, store: SpanStore, retained: boolean) {
  store.retained = retained;
  if (retained) stores.set(documentId, store);
  else if (store.getSnapshot().saveState === "saved") forgetSpanStore(store);
}

export function forgetSpanStore(store: SpanStore) {
  for (const [documentId, kept] of stores) if (kept === store) stores.delete(documentId);
}

/** True while some document still has changes the server has not confirmed. */
export function hasUnsavedChanges(): boolean {
  return [...stores.values()].some((store) => store.getSnapshot().saveState !== "saved");
}
