/**
 * Changes to one layer of spans, naming spans by what they are (start, end, label) rather than by
 * database id. A layer's spans form a set, so that name is unique; and it survives a span being
 * deleted and added again under a new id, which is what undo and redo do.
 */
export type SpanContent = { start: number; end: number; labelId: number };

/** A span as a layer stores it: its content and the id the database gave it. */
export type StoredSpan = SpanContent & { id: number };

export type SpanEdit =
  | { kind: "add"; spans: SpanContent[] }
  | { kind: "delete"; spans: SpanContent[] }
  | { kind: "relabel"; start: number; end: number; from: number; to: number };

/** Only what names a span, e.g. to send a shown span (with its id and save state) to the server. */
export function contentOf({ start, end, labelId }: SpanContent): SpanContent {
  return { start, end, labelId };
}

export function spanKey(span: SpanContent): string {
  return `${span.start}:${span.end}:${span.labelId}`;
}

export function compareSpanContent(a: SpanContent, b: SpanContent): number {
  return a.start - b.start || a.end - b.end || a.labelId - b.labelId;
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
  }
}

/**
 * What an edit really does to these spans. A layer's spans form a set, so relabelling a span onto
 * one the layer already has merges the two: that is deleting the relabelled one, and it is undone
 * by adding it back, not by relabelling the survivor.
 */
export function resolveEdit(spans: readonly SpanContent[], edit: SpanEdit): SpanEdit {
  if (edit.kind !== "relabel") return edit;
  if (edit.from === edit.to) return { kind: "add", spans: [] };
  const target = { start: edit.start, end: edit.end, labelId: edit.to };
  if (indexOfSpan(spans, target) < 0) return edit;
  return { kind: "delete", spans: [{ start: edit.start, end: edit.end, labelId: edit.from }] };
}

/**
 * The spans after `edit`, as a new array that keeps every untouched span object (so a renderer
 * can tell what changed by identity). `spans` must be sorted by `compareSpanContent`, and so is
 * the result. Adding a span already there and deleting one that is not change nothing, so
 * applying an edit twice is the same as applying it once.
 */
export function applyEdit<T extends SpanContent>(
  spans: readonly T[],
  edit: SpanEdit,
  create: (content: SpanContent) => T,
): T[] {
  const resolved = resolveEdit(spans, edit);
  switch (resolved.kind) {
    case "add": {
      const seen = new Set<string>();
      const missing = resolved.spans.filter((span) => {
        const key = spanKey(span);
        if (seen.has(key) || indexOfSpan(spans, span) >= 0) return false;
        seen.add(key);
        return true;
      });
      // A keystroke adds one span to thousands: bisect it in. Tag-all adds thousands: sort once.
      if (missing.length > 16) return [...spans, ...missing.map(create)].sort(compareSpanContent);
      return missing.reduce((result, span) => insertSorted(result, create(span)), [...spans]);
    }
    case "delete": {
      const removed = new Set(resolved.spans.map(spanKey));
      return spans.filter((span) => !removed.has(spanKey(span)));
    }
    case "relabel": {
      const source = indexOfSpan(spans, { ...resolved, labelId: resolved.from });
      if (source < 0) return [...spans];
      const rest = spans.filter((_, i) => i !== source);
      return insertSorted(
        rest,
        create({ start: resolved.start, end: resolved.end, labelId: resolved.to }),
      );
    }
  }
}

export function sameSpan(a: SpanContent, b: SpanContent): boolean {
  return a.start === b.start && a.end === b.end && a.labelId === b.labelId;
}

/** The index of the span with this content in a list sorted by `compareSpanContent`, or -1. */
export function indexOfSpan(sorted: readonly SpanContent[], span: SpanContent): number {
  const at = insertionPoint(sorted, span);
  const found = sorted[at];
  return found && sameSpan(found, span) ? at : -1;
}

/** Inserts into a list sorted by `compareSpanContent` (in place), keeping it sorted. */
export function insertSorted<T extends SpanContent>(sorted: T[], span: T): T[] {
  sorted.splice(insertionPoint(sorted, span), 0, span);
  return sorted;
}

function insertionPoint(sorted: readonly SpanContent[], span: SpanContent): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareSpanContent(sorted[mid] as SpanContent, span) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
