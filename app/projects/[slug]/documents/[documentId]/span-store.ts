import type { inferRouterOutputs } from "@trpc/server";
import { DomainError } from "@/domain/errors";
import { applyEdits, type LayerSpan, type LayerState } from "@/domain/layer-state";
import {
  compareSpanContent,
  invertEdits,
  spanKey,
  type RelationContent,
  type SpanEdit,
  type StoredSpan,
} from "@/domain/span-edits";
import { planSpanEdits, type LayerRules } from "@/domain/span-edits-check";
import type { AppRouter } from "@/server/root";
import type { TextSpan } from "../../../../_components/text/types";
import { SaveQueue, type Queued } from "./span-save-queue";
import { SpanHistory, type HistoryEntry } from "./span-history";
import { describeReload, rebaseChanges } from "./span-rebase";

type AnnotationStatus =
  inferRouterOutputs<AppRouter>["document"]["workspace"]["annotation"]["status"];
type Saved<T> = Promise<T & { version: number }>;

type Write = { documentId: number; baseVersion: number };

/**
 * The server calls the store makes; the page passes the tRPC client's. Each write names the
 * layer version it builds on; `reload` fetches the layer into the source again after a write
 * was refused as made over an older one.
 */
export type SpanApi = {
  edit(input: Write & { edits: SpanEdit[] }): Saved<{ spans: StoredSpan[] }>;
  submit(input: Write): Saved<{ status: "submitted" }>;
  reload(): Promise<void>;
};

export type Layer = {
  spans: TextSpan[];
  relations: RelationContent[];
  choices: number[];
  status: AnnotationStatus;
  version: number;
};

/**
 * Where the server's layer lives: the page's query cache. The store reads it there and writes
 * each confirmed change back, so nothing else keeps a copy to be kept in step.
 */
export type LayerSource = { read(): Layer | undefined; write(layer: Layer): void };

export type SaveState = "saved" | "saving" | "failed";
export type SpanStoreSnapshot = Layer & {
  saveState: SaveState;
  refusal: string | null;
  /** What reloading a layer changed elsewhere did to the unsaved changes. */
  conflict: string | null;
  canUndo: boolean;
  canRedo: boolean;
};

export type Change =
  /** `edits` are what is saved; `entry` the history step they do, undo or redo. */
  | { kind: "edit"; edits: SpanEdit[]; entry: HistoryEntry; as: "do" | "undo" | "redo" }
  | { kind: "submit" };

let nextTemporaryId = -1;

/**
 * One annotator's layer of one document as the page shows it: the server's spans with the
 * changes not yet saved laid over them, so every change shows at once. Each change is checked
 * here by the same rules the server applies, then saved in order (see SaveQueue); one the server
 * refuses anyway is dropped, with its reason.
 */
export class SpanStore {
  private readonly queue: SaveQueue<Change>;
  private readonly history: SpanHistory;
  private refusal: string | null = null;
  private conflict: string | null = null;
  private listeners = new Set<() => void>();
  /** The spans shown for each unsaved change, the same objects until the change's state moves on. */
  private shown = new WeakMap<Queued<Change>, Map<string, TextSpan>>();
  private snapshot: SpanStoreSnapshot;
  /** The last layer read, sorted; it stands in if the query cache drops the entry meanwhile. */
  private base: Layer;
  private baseSource: Layer | undefined;
  /**
   * The version every queued change builds on, which the next save names. It follows the saves'
   * answers, and a refetched layer only while nothing waits to be saved: changes made over an
   * older layer must reach the server as such, to be judged again over the new one.
   */
  private confirmed: number;

  constructor(
    private readonly documentId: number,
    private readonly rules: LayerRules,
    private readonly source: LayerSource,
    private readonly api: SpanApi,
  ) {
    this.base = { spans: [], relations: [], choices: [], status: "not_started", version: 0 };
    this.readBase();
    this.confirmed = this.base.version;
    this.history = new SpanHistory(documentId, this.base.version);
    this.queue = new SaveQueue<Change>({
      save: (change) => this.save(change),
      refused: (change, error) => {
        // A change that depended on a refused one fails too; the first reason is the one to show.
        this.refusal ??= error instanceof Error ? error.message : String(error);
        if (change.kind === "edit") this.history.restore(change.entry, change.as);
      },
      rebase: (changes) => this.rebase(changes),
      changed: () => this.emit(),
      idle: () => {
        this.history.save(this.base.version);
        this.emit();
      },
    });
    this.snapshot = this.buildSnapshot();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /**
   * Applies an edit of any kind at once and saves it; returns why it is refused, or null. What
   * the edit really does (a deleted span's relations going with it) is one step to undo.
   */
  perform(edit: SpanEdit): string | null {
    let applied: SpanEdit[];
    try {
      applied = planSpanEdits(this.rules, this.snapshot, [edit]).applied;
    } catch (error) {
      if (error instanceof DomainError) return this.refuse(error.message);
      throw error;
    }
    if (applied.length === 0) return null;
    this.history.record(applied);
    this.enqueue({ kind: "edit", edits: applied, entry: applied, as: "do" });
    return null;
  }

  undo(): string | null {
    const entry = this.history.takeUndo();
    if (!entry) return "Nothing to undo.";
    return this.replay(invertEdits(entry), entry, "undo");
  }

  redo(): string | null {
    const entry = this.history.takeRedo();
    if (!entry) return "Nothing to redo.";
    return this.replay([...entry], entry, "redo");
  }

  /** The step undo or redo would replay next (as first made), to say what it does. */
  nextReplay(which: "undo" | "redo"): HistoryEntry | undefined {
    return this.history.peek(which);
  }

  submit() {
    this.enqueue({ kind: "submit" });
  }

  /** Skips the pause before the next attempt of a failed save. */
  retryNow() {
    this.queue.retryNow();
  }

  dismissRefusal() {
    this.refusal = null;
    this.conflict = null;
    this.emit();
  }

  /**
   * Shows the server's layer again after the query cache changed. A version the store did not
   * write means the layer changed elsewhere: the history may no longer fit it, so it goes.
   */
  refresh() {
    const version = this.base.version;
    this.readBase();
    if (this.queue.items.length === 0) {
      if (this.base.version !== version) this.history.clear();
      this.confirmed = this.base.version;
    }
    this.emit();
  }

  private replay(edits: SpanEdit[], entry: HistoryEntry, as: "undo" | "redo"): string | null {
    const problem = this.findProblem(edits);
    if (problem) {
      this.history.restore(entry, as);
      return this.refuse(problem);
    }
    this.enqueue({ kind: "edit", edits, entry, as });
    return null;
  }

  /** The server's refusal, found before asking it: both judge edits with `planSpanEdits`. */
  private findProblem(edits: SpanEdit[]): string | null {
    try {
      planSpanEdits(this.rules, this.snapshot, edits);
      return null;
    } catch (error) {
      if (error instanceof DomainError) return error.message;
      throw error;
    }
  }

  private refuse(message: string): string {
    this.refusal = message;
    this.emit();
    return message;
  }

  private enqueue(change: Change) {
    this.refusal = null;
    this.conflict = null;
    this.queue.push(change);
  }

  private async save(change: Change) {
    if (change.kind === "submit") {
      const { status, version } = await this.api.submit(this.write());
      this.writeBase({ ...this.base, status, version });
      return;
    }
    const { spans: named, version } = await this.api.edit({
      ...this.write(),
      edits: change.edits,
    });
    const stored = new Map(named.map((span) => [spanKey(span), span.id]));
    this.readBase();
    const { spans, relations, choices } = applyEdits<TextSpan>(
      this.base,
      change.edits,
      // The server names every span an edit adds or changes, and a changed span keeps its row,
      // so the fallbacks only keep the types whole.
      (span, previous) => ({
        ...span,
        id: stored.get(spanKey(span)) ?? previous?.id ?? nextTemporaryId--,
      }),
    );
    // The server moves a layer the edit changed (a new version) to in progress, submitted or not.
    const changed = version !== this.base.version;
    const status = changed || this.base.status === "not_started" ? "in_progress" : this.base.status;
    this.writeBase({
      spans: [...spans],
      relations: [...relations],
      choices: [...choices],
      status,
      version,
    });
  }

  private write(): Write {
    return { documentId: this.documentId, baseVersion: this.confirmed };
  }

  /**
   * The layer changed elsewhere (another tab, a lost answer to our own save): loads it again and
   * keeps of the unsaved changes what still applies over it (see `rebaseEdit`), telling what not.
   * A submission is not carried over a layer the annotator has not seen.
   */
  private async rebase(changes: readonly Change[]): Promise<Change[]> {
    const expected = layerSignature(this.snapshot);
    const submitting = changes.some((change) => change.kind === "submit");
    await this.api.reload();
    this.readBase();
    this.confirmed = this.base.version;
    const { kept, state, problems } = rebaseChanges(
      this.rules,
      this.base,
      changes,
      (change) => (change.kind === "edit" ? change.edits : null),
      (change, edits) => ({ ...change, edits }),
    );
    const foreign =
      problems.length > 0 ||
      layerSignature(state) !== expected ||
      (this.base.status === "submitted" && !submitting);
    if (!foreign) return kept;
    this.history.clear();
    this.conflict = describeReload(problems, kept.length > 0, submitting);
    return kept.filter((change) => change.kind !== "submit");
  }

  private readBase() {
    const layer = this.source.read();
    if (!layer || layer === this.baseSource) return;
    this.baseSource = layer;
    this.base = { ...layer, spans: [...layer.spans].sort(compareSpanContent) };
  }

  private writeBase(layer: Layer) {
    this.base = layer;
    this.confirmed = layer.version;
    this.source.write(layer);
    this.baseSource = this.source.read() ?? layer;
  }

  private emit() {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }

  private buildSnapshot(): SpanStoreSnapshot {
    const items = this.queue.items;
    const shown = items.reduce<LayerState<TextSpan>>(
      (state, item) =>
        item.change.kind === "edit"
          ? applyEdits(state, item.change.edits, (span) => this.unsaved(item, span))
          : state,
      this.base,
    );
    return {
      spans: shown.spans as TextSpan[],
      relations: shown.relations as RelationContent[],
      choices: shown.choices as number[],
      status: this.base.status,
      version: this.base.version,
      saveState: items.some((item) => item.failed)
        ? "failed"
        : items.length > 0
          ? "saving"
          : "saved",
      refusal: this.refusal,
      conflict: this.conflict,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
    };
  }

  private unsaved(item: Queued<Change>, content: LayerSpan): TextSpan {
    const saveState = item.failed ? "failed" : "saving";
    const { attributes, note, fragments } = content;
    const key = `${spanKey(content)}:${saveState}:${JSON.stringify([attributes, note, fragments])}`;
    const shown = this.shown.get(item) ?? new Map<string, TextSpan>();
    this.shown.set(item, shown);
    let span = shown.get(key);
    if (!span) {
      span = { id: nextTemporaryId--, ...content, saveState };
      shown.set(key, span);
    }
    return span;
  }
}

/** What a layer shows, to tell whether a reload changed it. */
function layerSignature(state: LayerState<LayerSpan>): string {
  return JSON.stringify([state.spans.map(spanKey), state.relations, state.choices]);
}
