import { DomainError } from "./errors";
import { applyEdit, indexOfSpan, spanKey, type SpanContent, type SpanEdit } from "./span-edits";
import { findSpanProblem } from "./spans";

/** What a layer's spans must respect: its document's text, its project's labels and overlap rule. */
export type LayerRules = {
  text: string;
  allowOverlap: boolean;
  /** The project's labels, id to name. */
  labels: ReadonlyMap<number, string>;
};

export type SpanEditPlan<T extends SpanContent> = {
  /** The layer after the edits, sorted by `compareSpanContent`. */
  spans: (T | SpanContent)[];
  added: SpanContent[];
  removed: T[];
};

/**
 * The one check of a change to a layer, on the server before it is stored and in the browser
 * before it is shown: applies `edits` in order to `spans` (sorted by `compareSpanContent`) and
 * judges the result once, so a batch costs one pass however many spans it names. Throws a
 * DomainError naming the first problem; nothing of the edits counts then.
 */
export function planSpanEdits<T extends SpanContent>(
  rules: LayerRules,
  spans: readonly T[],
  edits: readonly SpanEdit[],
): SpanEditPlan<T> {
  let result: (T | SpanContent)[] = [...spans];
  for (const edit of edits) {
    if (edit.kind === "relabel") assertRelabelSource(rules, result, edit);
    result = applyEdit<T | SpanContent>(result, edit, (content) => content);
  }
  const before = new Set(spans.map(spanKey));
  const after = new Set(result.map(spanKey));
  const added = result.filter((span) => !before.has(spanKey(span)));
  for (const span of added) assertSpanFits(rules, span);
  if (!rules.allowOverlap) assertNoOverlap(rules, result, added);
  return { spans: result, added, removed: spans.filter((span) => !after.has(spanKey(span))) };
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

/** “the text” of a range, shortened in the middle when long. */
export function quote(text: string, range: { start: number; end: number }): string {
  const covered = text.slice(range.start, range.end);
  const shown = covered.length > 40 ? `${covered.slice(0, 20)}…${covered.slice(-16)}` : covered;
  return `“${shown}”`;
}

function assertRelabelSource(
  rules: LayerRules,
  spans: readonly SpanContent[],
  edit: Extract<SpanEdit, { kind: "relabel" }>,
) {
  const source = { start: edit.start, end: edit.end, labelId: edit.from };
  const target = { ...source, labelId: edit.to };
  // Already relabelled (a retried save) is done; gone altogether is something to tell.
  if (indexOfSpan(spans, source) >= 0 || indexOfSpan(spans, target) >= 0) return;
  const label = rules.labels.get(edit.from) ?? `label ${edit.from}`;
  throw new DomainError("NOT_FOUND", `the ${label} span ${quote(rules.text, edit)} is not there`);
}

function assertSpanFits(rules: LayerRules, span: SpanContent) {
  const problem = findSpanProblem(rules.text, span.start, span.end);
  if (problem) throw new DomainError("BAD_REQUEST", `span ${span.start}-${span.end}: ${problem}`);
  if (!rules.labels.has(span.labelId)) {
    throw new DomainError("BAD_REQUEST", `label ${span.labelId} does not belong to this project`);
  }
}

/**
 * Only added spans are judged: a layer stored before its project forbade overlaps keeps what it
 * has. `spans` is sorted by start, so a span's clashes are its next neighbour or an earlier span
 * reaching past its start, found through the running maximum of the ends.
 */
function assertNoOverlap(rules: LayerRules, spans: readonly SpanContent[], added: SpanContent[]) {
  const reach: number[] = [];
  for (const [i, span] of spans.entries()) reach.push(Math.max(reach[i - 1] ?? 0, span.end));
  for (const span of added) {
    const at = indexOfSpan(spans, span);
    let other: SpanContent | undefined;
    // The earliest clash is named: the one the annotator reads first.
    for (let i = 0; !other && i < at && (reach[at - 1] ?? 0) > span.start; i++) {
      const earlier = spans[i];
      if (earlier && earlier.end > span.start) other = earlier;
    }
    const next = spans[at + 1];
    if (!other && next && next.start < span.end) other = next;
    if (other) {
      const label = rules.labels.get(other.labelId) ?? `label ${other.labelId}`;
      throw new DomainError("BAD_REQUEST", describeOverlap(rules.text, span, other, label));
    }
  }
}
