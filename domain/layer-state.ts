import { noDetails, type SpanDetails } from "./span-details";
import {
  compactSpan,
  compareRelations,
  compareSpanContent,
  indexOfSpan,
  insertSorted,
  insertionPoint,
  relationKey,
  sameSpan,
  spanKey,
  type DetailedSpan,
  type RelationContent,
  type SpanContent,
  type SpanEdit,
  type StoredSpan,
} from "./span-edits";

/** A span of a layer with everything it carries. */
export type LayerSpan = SpanContent & SpanDetails;

/**
 * A layer as both the browser and the server judge it: its spans (sorted by
 * `compareSpanContent`), its relations (sorted by `compareRelations`) and its chosen document
 * label options (sorted). The server reads only the part of a layer an edit can touch.
 */
export type LayerState<S extends LayerSpan = StoredSpan & SpanDetails> = {
  spans: readonly S[];
  relations: readonly RelationContent[];
  choices: readonly number[];
};

/** Makes the object a layer holds for a span: `previous` is the span it replaces, if any. */
export type CreateSpan<S> = (span: LayerSpan, previous: S | undefined) => S;

export const emptyLayer: LayerState<never> = { spans: [], relations: [], choices: [] };

/** A span with every detail, the ones left out being the defaults. */
export function withDetails(span: DetailedSpan): LayerSpan {
  return {
    start: span.start,
    end: span.end,
    labelId: span.labelId,
    attributes: span.attributes ?? noDetails.attributes,
    note: span.note ?? noDetails.note,
    fragments: span.fragments ?? noDetails.fragments,
  };
}

/**
 * What an edit really does to this layer, as edits that each change what they name (none when it
 * changes nothing). Deleting a span first unrelates its relations, and names the span with its
 * details, so that the inverse puts all of it back. A layer's spans form a set, so relabelling a
 * span onto one the layer already has merges the two: that is deleting the relabelled one.
 */
export function resolveEdits(state: LayerState<LayerSpan>, edit: SpanEdit): SpanEdit[] {
  switch (edit.kind) {
    case "add": {
      const seen = new Set<string>();
      const missing = edit.spans.filter((span) => {
        const key = spanKey(span);
        if (seen.has(key) || indexOfSpan(state.spans, span) >= 0) return false;
        seen.add(key);
        return true;
      });
      return missing.length > 0 ? [{ kind: "add", spans: missing.map(compactSpan) }] : [];
    }
    case "delete": {
      const present = edit.spans.flatMap((span) => {
        const found = state.spans[indexOfSpan(state.spans, span)];
        return found ? [found] : [];
      });
      if (present.length === 0) return [];
      const gone = new Set(present.map(spanKey));
      const relations = state.relations.filter((relation) => touches(relation, gone));
      const deleted: SpanEdit = { kind: "delete", spans: present.map(compactSpan) };
      return relations.length > 0 ? [{ kind: "unrelate", relations }, deleted] : [deleted];
    }
    case "relabel": {
      const source = { start: edit.start, end: edit.end, labelId: edit.from };
      if (edit.from === edit.to || indexOfSpan(state.spans, source) < 0) return [];
      const target = { ...source, labelId: edit.to };
      if (indexOfSpan(state.spans, target) >= 0) {
        return resolveEdits(state, { kind: "delete", spans: [source] });
      }
      return [edit];
    }
    case "resize": {
      const unchanged = edit.span.start === edit.start && edit.span.end === edit.end;
      return unchanged || indexOfSpan(state.spans, edit.span) < 0 ? [] : [edit];
    }
    case "describe": {
      const span = state.spans[indexOfSpan(state.spans, edit.span)];
      if (!span) return [];
      const from: Partial<SpanDetails> = {};
      const to: Partial<SpanDetails> = {};
      for (const key of ["attributes", "note", "fragments"] as const) {
        const value = edit.to[key];
        if (value === undefined || sameValue(span[key], value)) continue;
        Object.assign(from, { [key]: span[key] });
        Object.assign(to, { [key]: value });
      }
      if (Object.keys(to).length === 0) return [];
      return [{ kind: "describe", span: { ...edit.span }, from, to }];
    }
    case "relate":
    case "unrelate": {
      const present = new Set(state.relations.map(relationKey));
      const seen = new Set<string>();
      const relations = edit.relations.filter((relation) => {
        const key = relationKey(relation);
        if (seen.has(key) || present.has(key) !== (edit.kind === "unrelate")) return false;
        seen.add(key);
        return true;
      });
      return relations.length > 0 ? [{ kind: edit.kind, relations }] : [];
    }
    case "choose": {
      const chosen = new Set(state.choices);
      const to = [...new Set(edit.to)].filter((id) => !chosen.has(id));
      const from = [...new Set(edit.from)].filter((id) => chosen.has(id) && !edit.to.includes(id));
      return from.length > 0 || to.length > 0 ? [{ ...edit, from, to }] : [];
    }
  }
}

/**
 * The layer after `edit`, as a new state that keeps every untouched object (so a renderer can
 * tell what changed by identity). Adding a span already there and deleting one that is not change
 * nothing, so applying an edit twice is the same as applying it once.
 */
export function applyEdit<S extends LayerSpan>(
  state: LayerState<S>,
  edit: SpanEdit,
  create: CreateSpan<S>,
): LayerState<S> {
  return resolveEdits(state, edit).reduce(
    (current, resolved) => applyResolved(current, resolved, create),
    state,
  );
}

export function applyEdits<S extends LayerSpan>(
  state: LayerState<S>,
  edits: readonly SpanEdit[],
  create: CreateSpan<S>,
): LayerState<S> {
  return edits.reduce((current, edit) => applyEdit(current, edit, create), state);
}

/** Applies an edit `resolveEdits` made: it names only what it changes. */
export function applyResolved<S extends LayerSpan>(
  state: LayerState<S>,
  edit: SpanEdit,
  create: CreateSpan<S>,
): LayerState<S> {
  switch (edit.kind) {
    case "add": {
      const added = edit.spans.map((span) => create(withDetails(span), undefined));
      // A keystroke adds one span to thousands: bisect it in. Tag-all adds thousands: sort once.
      const spans =
        added.length > 16
          ? [...state.spans, ...added].sort(compareSpanContent)
          : added.reduce((result, span) => insertSorted(result, span), [...state.spans]);
      return { ...state, spans };
    }
    case "delete": {
      const gone = new Set(edit.spans.map(spanKey));
      return {
        ...state,
        spans: state.spans.filter((span) => !gone.has(spanKey(span))),
        relations: state.relations.filter((relation) => !touches(relation, gone)),
      };
    }
    case "relabel": {
      const from = { start: edit.start, end: edit.end, labelId: edit.from };
      return moveSpan(state, from, { ...from, labelId: edit.to }, create);
    }
    case "resize":
      return moveSpan(state, edit.span, { ...edit.span, start: edit.start, end: edit.end }, create);
    case "describe": {
      const at = indexOfSpan(state.spans, edit.span);
      const span = state.spans[at];
      if (!span) return state;
      const spans = [...state.spans];
      spans[at] = create({ ...withDetails(span), ...edit.to }, span);
      return { ...state, spans };
    }
    case "relate": {
      const relations = [...state.relations];
      for (const relation of edit.relations) {
        relations.splice(insertionPoint(relations, relation, compareRelations), 0, relation);
      }
      return { ...state, relations };
    }
    case "unrelate": {
      const gone = new Set(edit.relations.map(relationKey));
      return { ...state, relations: state.relations.filter((r) => !gone.has(relationKey(r))) };
    }
    case "choose": {
      const choices = state.choices.filter((id) => !edit.from.includes(id));
      return { ...state, choices: [...choices, ...edit.to].sort((a, b) => a - b) };
    }
  }
}

/** A span taking new content (relabelled or resized), its relations following it. */
function moveSpan<S extends LayerSpan>(
  state: LayerState<S>,
  from: SpanContent,
  to: SpanContent,
  create: CreateSpan<S>,
): LayerState<S> {
  const at = indexOfSpan(state.spans, from);
  const span = state.spans[at];
  if (!span) return state;
  const moved = create({ ...withDetails(span), ...to }, span);
  const spans = insertSorted(
    state.spans.filter((_, i) => i !== at),
    moved,
  );
  const follow = (end: SpanContent) => (sameSpan(end, from) ? to : end);
  const moving = new Set([spanKey(from)]);
  const relations = state.relations.some((relation) => touches(relation, moving))
    ? state.relations
        .map((r) =>
          touches(r, moving)
            ? { source: follow(r.source), target: follow(r.target), typeId: r.typeId }
            : r,
        )
        .sort(compareRelations)
    : state.relations;
  return { ...state, spans, relations };
}

export function touches(relation: RelationContent, keys: ReadonlySet<string>): boolean {
  return keys.has(spanKey(relation.source)) || keys.has(spanKey(relation.target));
}

/** Details compare by value: they are plain JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
