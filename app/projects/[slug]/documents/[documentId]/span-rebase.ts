import { DomainError } from "@/domain/errors";
import { applyEdit, type LayerSpan, type LayerState } from "@/domain/layer-state";
import { describeSpanEdit } from "@/domain/span-edit-wording";
import { sameSpan, type DetailedSpan, type SpanEdit } from "@/domain/span-edits";
import { planSpanEdits, quote, type LayerRules } from "@/domain/span-edits-check";

type State = LayerState<LayerSpan>;

export type Rebased = {
  /** What is left to save of the edit over the fresh layer, or null when nothing is. */
  edit: SpanEdit | null;
  /** The fresh layer with `edit` applied, to judge the next pending edit against. */
  state: State;
  /** What of the edit could not be applied, one sentence each, quoting text and label. */
  problems: string[];
};

const keep = (span: LayerSpan) => span;

/**
 * An unsaved edit, made over a layer that has since changed elsewhere, judged again over the
 * layer as it is now by the one check both sides use (`planSpanEdits`). What still applies is
 * kept; what the layer already has (the other tab did the same, or a save whose answer was lost)
 * is done; what no longer fits is reported, e.g. a relation whose end is gone. "Tag all" keeps the
 * occurrences that still fit.
 */
export function rebaseEdit(rules: LayerRules, state: State, edit: SpanEdit): Rebased {
  if (edit.kind === "add" && edit.spans.length > 1 && judge(rules, state, edit) !== null) {
    return rebaseEach(rules, state, edit.spans);
  }
  const problem = judge(rules, state, edit);
  if (problem !== null) return { edit: null, state, problems: [problem] };
  const after = applyEdit(state, edit, keep);
  const problems = edit.kind === "delete" ? relabelledElsewhere(rules, state, edit.spans) : [];
  return { edit: after !== state ? edit : null, state: after, problems };
}

/**
 * Pending changes judged again in order over the fresh layer, each edit over the ones kept before
 * it. A change without edits (a submission) is kept as it is, for the caller to decide on.
 */
export function rebaseChanges<C>(
  rules: LayerRules,
  state: State,
  changes: readonly C[],
  editsOf: (change: C) => readonly SpanEdit[] | null,
  withEdits: (change: C, edits: SpanEdit[]) => C,
) {
  let current = state;
  const kept: C[] = [];
  const problems: string[] = [];
  for (const change of changes) {
    const pending = editsOf(change);
    if (!pending) {
      kept.push(change);
      continue;
    }
    const edits: SpanEdit[] = [];
    for (const edit of pending) {
      const rebased = rebaseEdit(rules, current, edit);
      problems.push(...rebased.problems);
      current = rebased.state;
      if (rebased.edit) edits.push(rebased.edit);
    }
    if (edits.length > 0) kept.push(withEdits(change, edits));
  }
  return { kept, state: current, problems };
}

function rebaseEach(rules: LayerRules, state: State, added: DetailedSpan[]) {
  let current = state;
  const kept: DetailedSpan[] = [];
  const problems: string[] = [];
  for (const span of added) {
    const one: SpanEdit = { kind: "add", spans: [span] };
    const problem = judge(rules, current, one);
    if (problem !== null) problems.push(problem);
    else {
      kept.push(span);
      current = applyEdit(current, one, keep);
    }
  }
  const edit: SpanEdit | null = kept.length > 0 ? { kind: "add", spans: kept } : null;
  return { edit, state: current, problems };
}

/** Why the edit no longer applies, or null when it does. */
function judge(rules: LayerRules, state: State, edit: SpanEdit): string | null {
  try {
    planSpanEdits(rules, state, [edit]);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return `${describeEdit(rules, edit)} was not re-applied: ${error.message}.`;
  }
}

/** A deleted span that another tab relabelled is still there under its new label: say so. */
function relabelledElsewhere(rules: LayerRules, state: State, deleted: DetailedSpan[]): string[] {
  return deleted.flatMap((span) => {
    if (state.spans.some((other) => sameSpan(other, span))) return [];
    const now = state.spans.find((other) => other.start === span.start && other.end === span.end);
    if (!now) return [];
    const edit: SpanEdit = { kind: "delete", spans: [span] };
    return [
      `${describeEdit(rules, edit)} was not re-applied: it is ${labelName(rules, now.labelId)} now.`,
    ];
  });
}

function describeEdit(rules: LayerRules, edit: SpanEdit): string {
  switch (edit.kind) {
    case "relabel": {
      const from = labelName(rules, edit.from);
      return `Relabelling ${quote(rules.text, edit)} ${from} to ${labelName(rules, edit.to)}`;
    }
    case "add":
    case "delete": {
      const named = edit.spans
        .map((span) => `${quote(rules.text, span)} ${labelName(rules, span.labelId)}`)
        .join(", ");
      return edit.kind === "delete" ? `Deleting ${named}` : named;
    }
    default:
      // "Related “Kim” to “Kursk” as located_in was not re-applied: …"
      return describeSpanEdit(rules, edit) ?? edit.kind;
  }
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
