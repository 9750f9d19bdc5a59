import { DomainError } from "./errors";
import {
  applyResolved,
  resolveEdits,
  touches,
  type LayerSpan,
  type LayerState,
} from "./layer-state";
import type { LayerRules } from "./layer-scheme";
import {
  assertRelationAllowed,
  assertRelationEnds,
  normalizeRelations,
  renormalizeLayer,
} from "./relation-rules";
import { assertDetailsFit, sortFragments } from "./span-details-check";
import {
  indexOfSpan,
  insertionPoint,
  spanKey,
  type DetailedSpan,
  type SpanContent,
  type SpanEdit,
} from "./span-edits";
import { labelName, quote } from "./span-quote";
import { findSpanProblem } from "./spans";

export type { LayerRules } from "./layer-scheme";
export { quote } from "./span-quote";

export type SpanEditPlan<S extends LayerSpan> = {
  /** The layer after the edits; a changed span keeps the fields of the one it replaces (its id). */
  state: LayerState<S | LayerSpan>;
  /** What the edits really did, in order (see `resolveEdits`): its inverse undoes all of it. */
  applied: SpanEdit[];
};

/**
 * The one check of a change to a layer, on the server before it is stored and in the browser
 * before it is shown: applies `edits` in order to `state` and judges the result once, so a batch
 * costs one pass however many spans it names. Throws a DomainError naming the first problem;
 * nothing of the edits counts then.
 */
export function planSpanEdits<S extends LayerSpan>(
  rules: LayerRules,
  state: LayerState<S>,
  edits: readonly SpanEdit[],
): SpanEditPlan<S> {
  let current: LayerState<S | LayerSpan> = state;
  const applied: SpanEdit[] = [];
  const create = (span: LayerSpan, previous: S | LayerSpan | undefined) =>
    previous ? { ...previous, ...span } : span;
  for (const edit of edits) {
    const normalized = normalizeEdit(rules, edit);
    assertNamed(rules, current, normalized);
    for (const step of resolveEdits(current, normalized)) {
      current = applyResolved(current, step, create);
      if (step.kind === "relabel" || step.kind === "resize") {
        current = renormalizeLayer(rules, current);
      }
      applied.push(step);
    }
  }
  judge(rules, state, current, applied);
  return { state: current, applied };
}

/** The refusal of a span overlapping another, quoting both texts so the annotator sees which. */
export function describeOverlap(
  text: string,
  span: { start: number; end: number },
  other: { start: number; end: number },
  otherLabel: string,
): string {
  return `${quote(text, span)} overlaps the ${otherLabel} span ${quote(text, other)}, and this project does not allow overlapping spans`;
}

/** Fragments in order and undirected relations with their earlier end first: one name each. */
function normalizeEdit(rules: LayerRules, edit: SpanEdit): SpanEdit {
  switch (edit.kind) {
    case "add":
      return { ...edit, spans: edit.spans.map(normalizeFragments) };
    case "describe":
      return { ...edit, to: normalizeFragments(edit.to) };
    case "relate":
    case "unrelate":
      return { ...edit, relations: normalizeRelations(rules, edit.relations) };
    default:
      return edit;
  }
}

function normalizeFragments<T extends Partial<DetailedSpan>>(span: T): T {
  return span.fragments ? { ...span, fragments: sortFragments(span.fragments) } : span;
}

/** What an edit names must be there, unless the edit is already done (a retried save). */
function assertNamed(rules: LayerRules, state: LayerState<LayerSpan>, edit: SpanEdit) {
  const has = (span: SpanContent) => indexOfSpan(state.spans, span) >= 0;
  const missing = (span: SpanContent) =>
    new DomainError(
      "NOT_FOUND",
      `the ${labelName(rules.labels, span.labelId)} span ${quote(rules.text, span)} is not there`,
    );
  switch (edit.kind) {
    case "relabel": {
      const source = { start: edit.start, end: edit.end, labelId: edit.from };
      if (!has(source) && !has({ ...source, labelId: edit.to })) throw missing(source);
      return;
    }
    case "resize": {
      const target = { ...edit.span, start: edit.start, end: edit.end };
      const done = !has(edit.span) && has(target);
      if (!has(edit.span) && !done) throw missing(edit.span);
      if (has(edit.span) && has(target) && spanKey(target) !== spanKey(edit.span)) {
        const label = labelName(rules.labels, target.labelId);
        throw new DomainError(
          "BAD_REQUEST",
          `${quote(rules.text, target)} is already a ${label} span: resizing ${quote(rules.text, edit.span)} onto it would make two of one`,
        );
      }
      return;
    }
    case "describe":
      if (!has(edit.span)) throw missing(edit.span);
      return;
    case "relate":
      assertRelationEnds(rules, state.spans, edit);
      return;
    case "choose":
      assertChoiceOptions(rules, edit);
      return;
    default:
      return;
  }
}

function assertChoiceOptions(rules: LayerRules, edit: Extract<SpanEdit, { kind: "choose" }>) {
  const set = rules.scheme?.documentLabelSets.find((candidate) => candidate.id === edit.setId);
  if (!set) {
    throw new DomainError(
      "BAD_REQUEST",
      `document label set ${edit.setId} does not belong to this project`,
    );
  }
  const foreign = [...edit.from, ...edit.to].find(
    (id) => !set.options.some((option) => option.id === id),
  );
  if (foreign !== undefined) {
    throw new DomainError("BAD_REQUEST", `option ${foreign} is not one of ${set.name}'s options`);
  }
}

/**
 * Judges what the edits changed: every span new or changed (not the same object as before), the
 * relations drawn or touching such a span, the choices of the sets chosen in.
 */
function judge<S extends LayerSpan>(
  rules: LayerRules,
  before: LayerState<S>,
  after: LayerState<S | LayerSpan>,
  applied: readonly SpanEdit[],
) {
  const kept = new Set<LayerSpan>(before.spans);
  const changed = after.spans.filter((span) => !kept.has(span));
  for (const span of changed) assertSpanFits(rules, span);
  for (const span of changed) assertDetailsFit(rules, span);
  if (!rules.allowOverlap && changed.length > 0) assertNoOverlap(rules, after.spans, changed);
  const keptRelations = new Set(before.relations);
  const changedKeys = new Set(changed.map(spanKey));
  for (const relation of after.relations) {
    if (!keptRelations.has(relation) || touches(relation, changedKeys)) {
      assertRelationAllowed(rules, relation);
    }
  }
  for (const edit of applied) {
    if (edit.kind !== "choose") continue;
    const set = rules.scheme?.documentLabelSets.find((candidate) => candidate.id === edit.setId);
    if (!set || set.multiple) continue;
    const chosen = set.options.filter((option) => after.choices.includes(option.id));
    if (chosen.length > 1) {
      throw new DomainError(
        "BAD_REQUEST",
        `${set.name} takes one option, not ${chosen.length} (${chosen.map((o) => o.name).join(", ")})`,
      );
    }
  }
}

function assertSpanFits(rules: LayerRules, span: SpanContent) {
  const problem = findSpanProblem(rules.text, span.start, span.end);
  if (problem) throw new DomainError("BAD_REQUEST", `span ${span.start}-${span.end}: ${problem}`);
  if (!rules.labels.has(span.labelId)) {
    throw new DomainError("BAD_REQUEST", `label ${span.labelId} does not belong to this project`);
  }
}

/** A range of the text a span covers: its own range or one of its fragments. */
type Piece = { start: number; end: number; labelId: number; owner: LayerSpan };

/**
 * Only changed spans are judged: a layer stored before its project forbade overlaps keeps what it
 * has. Every span's pieces (its range and fragments) are sorted by start, so a piece's clashes are
 * the pieces starting inside it or an earlier piece reaching past its start, found through the
 * running maximum of the ends.
 */
function assertNoOverlap(rules: LayerRules, spans: readonly LayerSpan[], changed: LayerSpan[]) {
  const pieces = spans.flatMap(piecesOf).sort(comparePieces);
  const reach: number[] = [];
  for (const [i, piece] of pieces.entries()) reach.push(Math.max(reach[i - 1] ?? 0, piece.end));
  for (const span of changed) {
    for (const piece of piecesOf(span)) {
      const other = firstClash(pieces, reach, piece);
      if (!other) continue;
      const label = labelName(rules.labels, other.labelId);
      throw new DomainError("BAD_REQUEST", describeOverlap(rules.text, piece, other, label));
    }
  }
}

function firstClash(pieces: readonly Piece[], reach: readonly number[], piece: Piece) {
  const at = (start: number) =>
    insertionPoint(pieces, { ...piece, start, end: -1, labelId: -1 }, comparePieces);
  const lower = at(piece.start);
  // The earliest clash is named: the one the annotator reads first.
  if ((reach[lower - 1] ?? 0) > piece.start) {
    for (let i = 0; i < lower; i++) {
      const earlier = pieces[i];
      if (earlier && earlier.owner !== piece.owner && earlier.end > piece.start) return earlier;
    }
  }
  const upper = at(piece.end);
  for (let i = lower; i < upper; i++) {
    const later = pieces[i];
    if (later && later.owner !== piece.owner) return later;
  }
  return undefined;
}

function piecesOf(span: LayerSpan): Piece[] {
  const own = { start: span.start, end: span.end, labelId: span.labelId, owner: span };
  if (span.fragments.length === 0) return [own];
  return [own, ...span.fragments.map(([start, end]) => ({ ...own, start, end }))];
}

function comparePieces(a: Piece, b: Piece): number {
  return a.start - b.start || a.end - b.end || a.labelId - b.labelId;
}
