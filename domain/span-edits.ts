import type { SpanDetails } from "./span-details";

/**
 * Changes to one layer of spans, naming spans by what they are (start, end, label) rather than by
 * database id. A layer's spans form a set, so that name is unique; and it survives a span being
 * deleted and added again under a new id, which is what undo and redo do.
 */
export type SpanContent = { start: number; end: number; labelId: number };

/** A span as a layer stores it: its content and the id the database gave it. */
export type StoredSpan = SpanContent & { id: number };

/** A span named with what it carries; a detail left out is the default (none). */
export type DetailedSpan = SpanContent & Partial<SpanDetails>;

/**
 * A relation between two spans of a layer, named by their contents like a span is. An undirected
 * type's relation is normalized so that `source` is the earlier span (`normalizeRelation`).
 */
export type RelationContent = { source: SpanContent; target: SpanContent; typeId: number };

export type SpanEdit =
  | { kind: "add"; spans: DetailedSpan[] }
  /** Its spans' relations go with them (see `resolveEdits`). */
  | { kind: "delete"; spans: DetailedSpan[] }
  /** Keeps the span itself: its details and relations stay. */
  | { kind: "relabel"; start: number; end: number; from: number; to: number }
  /** Moves the span to [start, end), keeping its label, details and relations. */
  | { kind: "resize"; span: SpanContent; start: number; end: number }
  /** Sets the details `to` names; `from` holds their values before. */
  | { kind: "describe"; span: SpanContent; from: Partial<SpanDetails>; to: Partial<SpanDetails> }
  | { kind: "relate"; relations: RelationContent[] }
  | { kind: "unrelate"; relations: RelationContent[] }
  /** The options of one document label set chosen before (`from`) and after (`to`) the edit. */
  | { kind: "choose"; setId: number; from: number[]; to: number[] };

export type SpanEditKind = SpanEdit["kind"];

/** Only what names a span, e.g. to send a shown span (with its id and save state) to the server. */
export function contentOf({ start, end, labelId }: SpanContent): SpanContent {
  return { start, end, labelId };
}

/** A span's content with only the details it really has: what an edit carries to name it. */
export function compactSpan(span: DetailedSpan): DetailedSpan {
  const compact: DetailedSpan = contentOf(span);
  if (span.attributes && Object.keys(span.attributes).length > 0) {
    compact.attributes = span.attributes;
  }
  if (span.note) compact.note = span.note;
  if (span.fragments && span.fragments.length > 0) compact.fragments = span.fragments;
  return compact;
}

export function spanKey(span: SpanContent): string {
  return `${span.start}:${span.end}:${span.labelId}`;
}

export function relationKey(relation: RelationContent): string {
  return `${spanKey(relation.source)}>${spanKey(relation.target)}#${relation.typeId}`;
}

export function compareSpanContent(a: SpanContent, b: SpanContent): number {
  return a.start - b.start || a.end - b.end || a.labelId - b.labelId;
}

export function compareRelations(a: RelationContent, b: RelationContent): number {
  return (
    compareSpanContent(a.source, b.source) ||
    compareSpanContent(a.target, b.target) ||
    a.typeId - b.typeId
  );
}

/** An undirected relation reads the same both ways: it is named with its earlier span first. */
export function normalizeRelation(relation: RelationContent, directed: boolean): RelationContent {
  if (directed || compareSpanContent(relation.source, relation.target) <= 0) return relation;
  return { source: relation.target, target: relation.source, typeId: relation.typeId };
}

/** The edit that takes a layer back to where it was before `edit`. */
export function invertEdit(edit: SpanEdit): SpanEdit {
  switch (edit.kind) {
    case "add":
      return { kind: "delete", spans: edit.spans };
    case "delete":
      return { kind: "add", spans: edit.spans };
    case "relabel":
      return { ...edit, from: edit.to, to: edit.from };
    case "resize": {
      const { start, end } = edit.span;
      return {
        kind: "resize",
        span: { ...edit.span, start: edit.start, end: edit.end },
        start,
        end,
      };
    }
    case "describe":
      return { ...edit, from: edit.to, to: edit.from };
    case "choose":
      return { ...edit, from: edit.to, to: edit.from };
    case "relate":
      return { kind: "unrelate", relations: edit.relations };
    case "unrelate":
      return { kind: "relate", relations: edit.relations };
  }
}

/** What undoes a change made of several edits: their inverses, last one first. */
export function invertEdits(edits: readonly SpanEdit[]): SpanEdit[] {
  return [...edits].reverse().map(invertEdit);
}

export function sameSpan(a: SpanContent, b: SpanContent): boolean {
  return a.start === b.start && a.end === b.end && a.labelId === b.labelId;
}

/** The index of the span with this content in a list sorted by `compareSpanContent`, or -1. */
export function indexOfSpan(sorted: readonly SpanContent[], span: SpanContent): number {
  const at = insertionPoint(sorted, span, compareSpanContent);
  const found = sorted[at];
  return found && sameSpan(found, span) ? at : -1;
}

/** Inserts into a list sorted by `compareSpanContent` (in place), keeping it sorted. */
export function insertSorted<T extends SpanContent>(sorted: T[], span: T): T[] {
  sorted.splice(insertionPoint(sorted, span, compareSpanContent), 0, span);
  return sorted;
}

/** Where `item` goes in a list sorted by `compare`: the first place not before it. */
export function insertionPoint<T>(
  sorted: readonly T[],
  item: T,
  compare: (a: T, b: T) => number,
): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compare(sorted[mid] as T, item) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
