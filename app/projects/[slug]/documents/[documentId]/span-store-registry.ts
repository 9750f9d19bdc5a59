import type { SpanStore } from "./span-store";

type Entry = { store: SpanStore; shown: boolean };

const entries = new Map<number, Entry>();

/**
 * The store of a document while a page shows it or it still has changes to save: moving to
 * another document and back does not lose those. A store that nobody shows is forgotten once it
 * has saved everything, and the next visit makes a new one from the query cache.
 */
export function spanStoreFor(documentId: number, create: () => SpanStore): SpanStore {
  // On the server each render answers another request, perhaps another user's, and no page
  // ever lets its store go: a kept one would draw stale spans, and another reader's.
  if (typeof window === "undefined") return create();
  const kept = entries.get(documentId);
  if (kept) return kept.store;
  const entry: Entry = { store: create(), shown: false };
  entries.set(documentId, entry);
  entry.store.subscribe(() => forgetIfDone(documentId, entry));
  return entry.store;
}

/** The page showing the store opened (true) or closed (false). */
export function showSpanStore(documentId: number, store: SpanStore, shown: boolean) {
  const entry = entries.get(documentId);
  if (!entry || entry.store !== store) {
    if (shown) entries.set(documentId, { store, shown });
    return;
  }
  entry.shown = shown;
  forgetIfDone(documentId, entry);
}

/** True while some document still has changes the server has not confirmed. */
export function hasUnsavedChanges(): boolean {
  return [...entries.values()].some(({ store }) => store.getSnapshot().saveState !== "saved");
}

function forgetIfDone(documentId: number, entry: Entry) {
  if (entry.shown || entry.store.getSnapshot().saveState !== "saved") return;
  if (entries.get(documentId) === entry) entries.delete(documentId);
}
