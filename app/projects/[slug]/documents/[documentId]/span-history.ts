import type { SpanEdit } from "@/domain/span-edits";

/** One step of the history: the edits one change really made (see `resolveEdits`). */
export type HistoryEntry = readonly SpanEdit[];

type Stacks = { undo: HistoryEntry[]; redo: HistoryEntry[] };

const limit = 200;

/**
 * The undo and redo stacks of one document's changes, kept in sessionStorage so that they
 * survive a reload of the tab. They are stored with the annotation's version, and only taken
 * back if the server still has that version: if anything changed the layer since, they may no
 * longer fit, and are dropped rather than replayed blindly.
 */
export class SpanHistory {
  private stacks: Stacks = { undo: [], redo: [] };
  private readonly storageKey: string;

  constructor(documentId: number, version: number) {
    this.storageKey = `concord:span-history:${documentId}`;
    const stored = readStorage(this.storageKey);
    if (stored?.version === version) this.stacks = { undo: stored.undo, redo: stored.redo };
  }

  get canUndo() {
    return this.stacks.undo.length > 0;
  }

  get canRedo() {
    return this.stacks.redo.length > 0;
  }

  /** A new edit: it can be undone, and what was undone before can no longer be redone. */
  record(edit: HistoryEntry) {
    this.stacks = { undo: [...this.stacks.undo, edit].slice(-limit), redo: [] };
  }

  /** The edit `takeUndo` or `takeRedo` would take next, left where it is. */
  peek(which: "undo" | "redo"): HistoryEntry | undefined {
    return this.stacks[which].at(-1);
  }

  /** Takes the latest edit to undo (it moves to the redo stack), if there is one. */
  takeUndo(): HistoryEntry | undefined {
    const edit = this.stacks.undo.at(-1);
    if (edit)
      this.stacks = { undo: this.stacks.undo.slice(0, -1), redo: [...this.stacks.redo, edit] };
    return edit;
  }

  /** Takes the latest undone edit to redo (it moves back to the undo stack), if there is one. */
  takeRedo(): HistoryEntry | undefined {
    const edit = this.stacks.redo.at(-1);
    if (edit)
      this.stacks = { undo: [...this.stacks.undo, edit], redo: this.stacks.redo.slice(0, -1) };
    return edit;
  }

  /** Puts an edit back where it was when the server refused to do, undo or redo it. */
  restore(edit: HistoryEntry, as: "do" | "undo" | "redo") {
    const without = (stack: HistoryEntry[]) => stack.filter((other) => other !== edit);
    const undo = without(this.stacks.undo);
    const redo = without(this.stacks.redo);
    if (as === "undo") this.stacks = { undo: [...undo, edit], redo };
    else if (as === "redo") this.stacks = { undo, redo: [...redo, edit] };
    else this.stacks = { undo, redo };
  }

  clear() {
    this.stacks = { undo: [], redo: [] };
    this.save(0);
  }

  /** Stores the stacks as valid for `version`, the layer's version once every change is saved. */
  save(version: number) {
    try {
      if (!this.canUndo && !this.canRedo) sessionStorage.removeItem(this.storageKey);
      else sessionStorage.setItem(this.storageKey, JSON.stringify({ version, ...this.stacks }));
    } catch {
      // Storage full or blocked: undo still works until the page is reloaded.
    }
  }
}

function readStorage(key: string): (Stacks & { version: number }) | null {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(key) ?? "null");
    if (typeof value !== "object" || value === null) return null;
    const { version, undo, redo } = value as Record<string, unknown>;
    if (typeof version !== "number" || !Array.isArray(undo) || !Array.isArray(redo)) return null;
    // Stacks stored before a step held several edits hold single edits: they are dropped.
    return { version, undo: undo.filter(isEntry), redo: redo.filter(isEntry) };
  } catch {
    return null;
  }
}

function isEntry(value: unknown): value is HistoryEntry {
  return (
    Array.isArray(value) &&
    value.every((edit) => typeof edit === "object" && edit !== null && "kind" in edit)
  );
}
