import { TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import {
  applyEdit,
  compareSpanContent,
  indexOfSpan,
  insertSorted,
  invertEdit,
  sameSpan,
  spanKey,
  type SpanContent,
  type SpanEdit,
} from "@/domain/span-edits";
import { spansOverlap } from "@/domain/spans";
import type { AppRouter } from "@/server/root";
import type { TextSpan } from "../../../../_components/text/types";
import { SpanHistory } from "./span-history";
import { forgetSpanStore } from "./span-store-registry";

type AnnotationStatus =
  inferRouterOutputs<AppRouter>["document"]["workspace"]["annotation"]["status"];
type Saved<T> = Promise<T & { version: number }>;

/** The server calls the store makes; the page passes the tRPC client's. */
export type SpanApi = {
  addSpan(input: SpanContent & { documentId: number }): Saved<{ span: TextSpan }>;
  addSpans(input: { documentId: number; spans: SpanContent[] }): Saved<{ spans: TextSpan[] }>;
  relabelSpan(input: { spanId: number; labelId: number }): Saved<{ span: TextSpan }>;
  deleteSpan(input: { spanId: number }): Saved<object>;
  deleteSpans(input: { documentId: number; spanIds: number[] }): Saved<object>;
  submit(input: { documentId: number }): Saved<{ status: "submitted" }>;
};

export type Layer = { spans: TextSpan[]; status: AnnotationStatus; version: number };
export type SaveState = "saved" | "saving" | "failed";
export type SpanStoreSnapshot = Layer & {
  saveState: SaveState;
  refusal: string | null;
  canUndo: boolean;
  canRedo: boolean;
};

type Change =
  | { kind: "edit"; edit: SpanEdit; entry: SpanEdit; as: "do" | "undo" | "redo" }
  | { kind: "submit" };
type Pending = { change: Change; failed: boolean; shown: Map<string, TextSpan> };

/** A refusal found before calling the server, worded like the server's. */
class Refusal extends Error {}

let nextTemporaryId = -1;

/**
 * One annotator's layer of one document as the page shows it: the server's spans with the
 * changes not yet saved laid over them, so every change shows at once. Changes are saved one at
 * a time in order; a save that fails for want of a server is retried with growing pauses until it
 * goes through (the page says so meanwhile); one the server refuses is dropped, with its reason.
 */
export class SpanStore {
  private base: Layer;
  private queue: Pending[] = [];
  private running = false;
  private wake: (() => void) | null = null;
  private refusal: string | null = null;
  private listeners = new Set<() => void>();
  private snapshot: SpanStoreSnapshot;
  private readonly history: SpanHistory;
  /** Whether a page shows this store; one nobody shows is forgotten once it has saved all. */
  retained = false;

  constructor(
    private readonly documentId: number,
    initial: Layer,
    private readonly api: SpanApi,
    private readonly allowOverlap: boolean,
    /** Told the server's layer after every change it confirms, e.g. to update a query cache. */
    private readonly onSaved: (layer: Layer) => void = () => {},
  ) {
    this.base = sorted(initial);
    this.history = new SpanHistory(documentId, initial.version);
    this.snapshot = this.buildSnapshot();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Applies an edit at once and saves it; returns why it is refused, or null. */
  perform(edit: SpanEdit): string | null {
    const problem = this.findProblem(edit);
    if (problem) return this.refuse(problem);
    this.history.record(edit);
    this.enqueue({ kind: "edit", edit, entry: edit, as: "do" });
    return null;
  }

  undo(): string | null {
    const entry = this.history.takeUndo();
    if (!entry) return "Nothing to undo.";
    return this.replay(invertEdit(entry), entry, "undo");
  }

  redo(): string | null {
    const entry = this.history.takeRedo();
    if (!entry) return "Nothing to redo.";
    return this.replay(entry, entry, "redo");
  }

  submit() {
    this.enqueue({ kind: "submit" });
  }

  /** Skips the pause before the next attempt of a failed save. */
  retryNow() {
    this.wake?.();
  }

  dismissRefusal() {
    this.refusal = null;
    this.emit();
  }

  /**
   * Takes the server's layer when it differs and nothing is waiting to save: with no change of
   * its own in flight, the store has nothing to add to what the server says.
   */
  syncFromServer(layer: Layer) {
    if (this.queue.length > 0 || layer.version === this.base.version) return;
    this.base = sorted(layer);
    this.history.clear();
    this.emit();
  }

  private replay(edit: SpanEdit, entry: SpanEdit, as: "undo" | "redo"): string | null {
    const problem = this.findProblem(edit);
    if (problem) {
      this.history.restore(entry, as);
      return this.refuse(problem);
    }
    this.enqueue({ kind: "edit", edit, entry, as });
    return null;
  }

  private findProblem(edit: SpanEdit): string | null {
    if (edit.kind !== "add" || this.allowOverlap) return null;
    const shown = this.snapshot.spans;
    const added = edit.spans.filter((span) => indexOfSpan(shown, span) < 0);
    for (const [i, span] of added.entries()) {
      const clash =
        shown.find((other) => spansOverlap(other, span)) ??
        added.slice(0, i).find((other) => spansOverlap(other, span));
      if (clash) {
        return `span ${span.start}-${span.end} overlaps span ${clash.start}-${clash.end}, and this project does not allow overlapping spans`;
      }
    }
    return null;
  }

  private refuse(message: string): string {
    this.refusal = message;
    this.emit();
    return message;
  }

  private enqueue(change: Change) {
    this.refusal = null;
    this.queue.push({ change, failed: false, shown: new Map() });
    this.emit();
    void this.run();
  }

  private async run() {
    if (this.running) return;
    this.running = true;
    let attempt = 0;
    for (let pending = this.queue[0]; pending; pending = this.queue[0]) {
      try {
        await this.save(pending.change);
        this.queue.shift();
        attempt = 0;
        this.onSaved(this.base);
      } catch (error) {
        if (isRefusal(error)) {
          this.queue.shift();
          // A change that depended on a refused one fails too; the first reason is the one to show.
          this.refusal ??= error instanceof Error ? error.message : String(error);
          if (pending.change.kind === "edit") {
            this.history.restore(pending.change.entry, pending.change.as);
          }
        } else {
          pending.failed = true;
          this.emit();
          await this.pause(Math.min(30_000, 2_000 * 2 ** attempt++));
          pending.failed = false;
        }
      }
      this.emit();
    }
    this.running = false;
    this.history.save(this.base.version);
    if (!this.retained) forgetSpanStore(this);
    this.emit();
  }

  private pause(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private async save(change: Change) {
    if (change.kind === "submit") {
      const { status, version } = await this.api.submit({ documentId: this.documentId });
      this.base = { ...this.base, status, version };
      return;
    }
    const edit = change.edit;
    const stored = (content: SpanContent) => this.base.spans[indexOfSpan(this.base.spans, content)];
    if (edit.kind === "add") {
      const missing = edit.spans.filter((span) => !stored(span));
      const [only] = missing;
      if (!only) return;
      const saved =
        missing.length === 1
          ? await this.api.addSpan({ documentId: this.documentId, ...only }).then((r) => ({
              spans: [r.span],
              version: r.version,
            }))
          : await this.api.addSpans({ documentId: this.documentId, spans: missing });
      this.store(this.base.spans, saved.spans, saved.version);
    } else if (edit.kind === "delete") {
      const ids = edit.spans.flatMap((span) => stored(span)?.id ?? []);
      const [only] = ids;
      if (only === undefined) return;
      const { version } =
        ids.length === 1
          ? await this.api.deleteSpan({ spanId: only })
          : await this.api.deleteSpans({ documentId: this.documentId, spanIds: ids });
      const kept = this.base.spans.filter(
        (span) => !edit.spans.some((gone) => sameSpan(span, gone)),
      );
      this.store(kept, [], version);
    } else {
      const source = stored({ ...edit, labelId: edit.from });
      if (!source) {
        if (stored({ ...edit, labelId: edit.to })) return;
        throw new Refusal(`span ${edit.start}-${edit.end} is no longer there`);
      }
      const { span, version } = await this.api.relabelSpan({ spanId: source.id, labelId: edit.to });
      const rest = this.base.spans.filter(
        (other) => other.id !== source.id && other.id !== span.id,
      );
      this.store(rest, [span], version);
    }
  }

  private store(kept: TextSpan[], added: TextSpan[], version: number) {
    const spans = added.reduce(
      (result, span) => (indexOfSpan(result, span) >= 0 ? result : insertSorted(result, span)),
      kept === this.base.spans ? [...kept] : kept,
    );
    const status = this.base.status === "not_started" ? "in_progress" : this.base.status;
    this.base = { spans, status, version };
  }

  private emit() {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }

  private buildSnapshot(): SpanStoreSnapshot {
    const spans = this.queue.reduce(
      (shown, pending) =>
        pending.change.kind === "edit"
          ? applyEdit(shown, pending.change.edit, (content) => unsaved(pending, content))
          : shown,
      this.base.spans,
    );
    return {
      spans,
      status: this.base.status,
      version: this.base.version,
      saveState: this.queue.some((pending) => pending.failed)
        ? "failed"
        : this.queue.length > 0
          ? "saving"
          : "saved",
      refusal: this.refusal,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
    };
  }
}

function sorted(layer: Layer): Layer {
  return { ...layer, spans: [...layer.spans].sort(compareSpanContent) };
}

/** The span shown for an unsaved change, the same object until the change's state moves on. */
function unsaved(pending: Pending, content: SpanContent): TextSpan {
  const saveState = pending.failed ? "failed" : "saving";
  const key = `${spanKey(content)}:${saveState}`;
  let span = pending.shown.get(key);
  if (!span) {
    span = { id: nextTemporaryId--, ...content, saveState };
    pending.shown.set(key, span);
  }
  return span;
}

/** The server said no (bad input, not found, forbidden): trying again will not help. */
function isRefusal(error: unknown): boolean {
  if (error instanceof Refusal) return true;
  const status = error instanceof TRPCClientError ? error.data?.httpStatus : undefined;
  return (
    typeof status === "number" && status >= 400 && status < 500 && ![401, 408, 429].includes(status)
  );
}
