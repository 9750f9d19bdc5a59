/**
 * Changes to one layer of spans, naming spans by what they are (start, end, label) rather than by
 * database id. A layer's spans form a set, so that name is unique; and it survives a span being
 * deleted and added again under a new id, which is what undo and redo do.
 */
export type SpanContent = { start: number; end: number; labelId: number };

export type SpanEdit =
  | { kind: "add"; spans: SpanContent[] }
  | { kind: "delete"; spans: SpanContent[] }
  | { kind: "relabel"; start: number; end: number; from: number; to: number };

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
  // Edits touch a few spans of thousands: find them by comparing numbers, insert by bisection.
  switch (edit.kind) {
    case "add":
      return edit.spans.reduce<T[]>(
        (result, span) =>
          indexOfSpan(result, span) >= 0 ? result : insertSorted(result, create(span)),
        [...spans],
      );
    case "delete":
      return spans.filter((span) => !edit.spans.some((removed) => sameSpan(span, removed)));
    case "relabel": {
      const source = indexOfSpan(spans, { ...edit, labelId: edit.from });
      if (source < 0) return [...spans];
      const rest = spans.filter((_, i) => i !== source);
      const target = { start: edit.start, end: edit.end, labelId: edit.to };
      // Relabelling onto a span the layer already has leaves that one span, as the server does.
      return indexOfSpan(rest, target) >= 0 ? rest : insertSorted(rest, create(target));
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
