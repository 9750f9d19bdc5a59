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
 * The spans after `edit`, sorted, as a new array that keeps every untouched span object (so a
 * renderer can tell what changed by identity). Adding a span already there and deleting one that
 * is not change nothing, so applying an edit twice is the same as applying it once.
 */
export function applyEdit<T extends SpanContent>(
  spans: readonly T[],
  edit: SpanEdit,
  create: (content: SpanContent) => T,
): T[] {
  switch (edit.kind) {
    case "add": {
      const present = new Set(spans.map(spanKey));
      const added = edit.spans.filter((span) => !present.has(spanKey(span))).map(create);
      return added.length === 0 ? [...spans] : [...spans, ...added].sort(compareSpanContent);
    }
    case "delete": {
      const removed = new Set(edit.spans.map(spanKey));
      return spans.filter((span) => !removed.has(spanKey(span)));
    }
    case "relabel": {
      const source = spanKey({ start: edit.start, end: edit.end, labelId: edit.from });
      const target = { start: edit.start, end: edit.end, labelId: edit.to };
      if (!spans.some((span) => spanKey(span) === source)) return [...spans];
      const rest = spans.filter((span) => spanKey(span) !== source);
      // Relabelling onto a span the layer already has leaves that one span, as the server does.
      if (rest.some((span) => spanKey(span) === spanKey(target))) return rest;
      return [...rest, create(target)].sort(compareSpanContent);
    }
  }
}
