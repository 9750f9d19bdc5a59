import { DomainError } from "@/domain/errors";
import { applyEdit, sameSpan, type SpanContent, type SpanEdit } from "@/domain/span-edits";
import { planSpanEdits, quote, type LayerRules } from "@/domain/span-edits-check";

export type Rebased = {
  /** What is left to save of the edit over the fresh layer, or null when nothing is. */
  edit: SpanEdit | null;
  /** The fresh layer with `edit` applied, sorted, to judge the next pending edit against. */
  spans: SpanContent[];
  /** What of the edit could not be applied, one sentence each, quoting text and label. */
  problems: string[];
};

/**
 * An unsaved edit, made over a layer that has since changed elsewhere, judged again over the
 * layer as it is now by the one check both sides use (`planSpanEdits`). What still applies is
 * kept; what the layer already has (the other tab did the same, or a save whose answer was lost)
 * is done; what no longer fits is reported. "Tag all" keeps the occurrences that still fit.
 */
export function rebaseEdit(
  rules: LayerRules,
  spans: readonly SpanContent[],
  edit: SpanEdit,
): Rebased {
  if (edit.kind === "add" && edit.spans.length > 1 && judge(rules, spans, edit) !== null) {
    return rebaseEach(rules, spans, edit.spans);
  }
  const problem = judge(rules, spans, edit);
  if (problem !== null) return { edit: null, spans: [...spans], problems: [problem] };
  const after = applyEdit(spans, edit, (content) => content);
  const changed = after.length !== spans.length || after.some((span, i) => span !== spans[i]);
  const problems = edit.kind === "delete" ? relabelledElsewhere(rules, spans, edit.spans) : [];
  return { edit: changed ? edit : null, spans: after, problems };
}

/**
 * Pending changes judged again in order over the fresh layer, each over the ones kept before it.
 * A change without an edit (a submission) is kept as it is, for the caller to decide on.
 */
export function rebaseChanges<C>(
  rules: LayerRules,
  spans: readonly SpanContent[],
  changes: readonly C[],
  editOf: (change: C) => SpanEdit | null,
  withEdit: (change: C, edit: SpanEdit) => C,
) {
  let current: SpanContent[] = [...spans];
  const kept: C[] = [];
  const problems: string[] = [];
  for (const change of changes) {
    const pending = editOf(change);
    if (!pending) {
      kept.push(change);
      continue;
    }
    const rebased = rebaseEdit(rules, current, pending);
    problems.push(...rebased.problems);
    current = rebased.spans;
    if (rebased.edit) kept.push(withEdit(change, rebased.edit));
  }
  return { kept, spans: current, problems };
}

function rebaseEach(rules: LayerRules, spans: readonly SpanContent[], added: SpanContent[]) {
  let current = [...spans];
  const kept: SpanContent[] = [];
  const problems: string[] = [];
  for (const span of added) {
    const one: SpanEdit = { kind: "add", spans: [span] };
    const problem = judge(rules, current, one);
    if (problem !== null) problems.push(problem);
    else {
      kept.push(span);
      current = applyEdit(current, one, (content) => content);
    }
  }
  const edit: SpanEdit | null = kept.length > 0 ? { kind: "add", spans: kept } : null;
  return { edit, spans: current, problems };
}

/** Why the edit no longer applies, or null when it does. */
function judge(rules: LayerRules, spans: readonly SpanContent[], edit: SpanEdit): string | null {
  try {
    planSpanEdits(rules, spans, [edit]);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return `${describeEdit(rules, edit)} was not re-applied: ${error.message}.`;
  }
}

/** A deleted span that another tab relabelled is still there under its new label: say so. */
function relabelledElsewhere(
  rules: LayerRules,
  spans: readonly SpanContent[],
  deleted: SpanContent[],
): string[] {
  return deleted.flatMap((span) => {
    if (spans.some((other) => sameSpan(other, span))) return [];
    const now = spans.find((other) => other.start === span.start && other.end === span.end);
    if (!now) return [];
    const edit: SpanEdit = { kind: "delete", spans: [span] };
    return [
      `${describeEdit(rules, edit)} was not re-applied: it is ${labelName(rules, now.labelId)} now.`,
    ];
  });
}

function describeEdit(rules: LayerRules, edit: SpanEdit): string {
  if (edit.kind === "relabel") {
    const from = labelName(rules, edit.from);
    return `Relabelling ${quote(rules.text, edit)} ${from} to ${labelName(rules, edit.to)}`;
  }
  const named = edit.spans
    .map((span) => `${quote(rules.text, span)} ${labelName(rules, span.labelId)}`)
    .join(", ");
  return edit.kind === "delete" ? `Deleting ${named}` : named;
}

const labelName = (rules: LayerRules, labelId: number) =>
  rules.labels.get(labelId) ?? `label ${labelId}`;

/** The notice after a layer changed elsewhere was reloaded under the annotator's unsaved changes. */
export function describeReload(problems: string[], reapplied: boolean, submitting: boolean) {
  return [
    "This document changed in another tab or by another person: reloaded it.",
    reapplied && problems.length === 0 ? "Your unsaved changes were re-applied." : null,
    ...problems,
    submitting ? "Not submitted: check the document and submit again." : null,
  ]
    .filter((sentence) => sentence !== null)
    .join(" ");
}
