import { countOf } from "./count-of";
import type { SpanContent, SpanEdit } from "./span-edits";
import { quote } from "./span-edits-check";

/**
 * The words for what a change to spans did, for the status line and screen readers alike: the
 * annotation page and the curation view say the same thing for the same change.
 */

/** What the words need: the document's text (to quote) and the project's label names by id. */
export type WordingContext = { text: string; labels: ReadonlyMap<number, string> };

/**
 * "Tagged “Kursk” as LOC", "Deleted ORG “NATO”", "Relabelled LOC “Kursk” as GPE"; several spans
 * are counted ("Tagged 3 spans as LOC"). Null for an edit that changes nothing.
 */
export function describeSpanEdit(context: WordingContext, edit: SpanEdit): string | null {
  const label = (id: number) => context.labels.get(id) ?? `label ${id}`;
  if (edit.kind === "relabel") {
    if (edit.from === edit.to) return null;
    return `Relabelled ${label(edit.from)} ${quote(context.text, edit)} as ${label(edit.to)}`;
  }
  const [first, ...rest] = edit.spans;
  if (!first) return null;
  const shared = rest.every((span) => span.labelId === first.labelId) ? label(first.labelId) : null;
  if (edit.kind === "add") {
    if (rest.length === 0) return `Tagged ${quote(context.text, first)} as ${shared}`;
    return `Tagged ${countOf(edit.spans.length, "span")}${shared ? ` as ${shared}` : ""}`;
  }
  return `Deleted ${describeSpans(context, edit.spans)}`;
}

/** Several edits made as one change (gold's), each said in turn: "Deleted …, tagged …". */
export function describeSpanEdits(
  context: WordingContext,
  edits: readonly SpanEdit[],
): string | null {
  const parts = edits.flatMap((edit) => describeSpanEdit(context, edit) ?? []);
  if (parts.length === 0) return null;
  return parts.map((part, i) => (i === 0 ? part : lowerFirst(part))).join(", ");
}

/** "Undone: deleted ORG “NATO”", "Redone: tagged “Kursk” as LOC", from what the change did. */
export function describeReplay(which: "undo" | "redo", description: string | null): string {
  const done = which === "undo" ? "Undone" : "Redone";
  return description ? `${done}: ${lowerFirst(description)}` : `${done}.`;
}

/** An annotator's version taken into gold, with what it replaced there. */
export function describeAcceptedVariant(
  context: WordingContext,
  variant: SpanContent,
  applied: readonly SpanEdit[],
): string {
  const accepted = describeSpans(context, [variant]);
  if (applied.length === 0) return `Gold already has ${accepted}`;
  const replaced = applied.flatMap((edit) => (edit.kind === "delete" ? edit.spans : []));
  const replacing = replaced.length > 0 ? `, replacing ${describeSpans(context, replaced)}` : "";
  return `Accepted ${accepted} into gold${replacing}`;
}

/** A region settled as "nothing here", with the gold spans that went with it. */
export function describeRejectedRegion(
  context: WordingContext,
  region: { start: number; end: number },
  applied: readonly SpanEdit[],
): string {
  const deleted = applied.flatMap((edit) => (edit.kind === "delete" ? edit.spans : []));
  const outcome =
    deleted.length > 0
      ? `deleted ${describeSpans(context, deleted)} from gold`
      : "gold has no span there";
  return `Rejected ${quote(context.text, region)}: ${outcome}`;
}

export function describeAcceptedAgreed(added: number): string {
  return added > 0
    ? `Accepted ${countOf(added, "agreed span")} into gold`
    : "No agreed spans left to accept";
}

export function describeGoldStatus(status: "in_progress" | "curated"): string {
  return status === "curated" ? "Gold marked curated" : "Gold reopened: in progress";
}

/** “ORG “NATO””, or a count when there are several ("3 LOC spans", "3 spans"). */
function describeSpans(context: WordingContext, spans: readonly SpanContent[]): string {
  const [first, ...rest] = spans;
  if (!first) return countOf(0, "span");
  const label = context.labels.get(first.labelId) ?? `label ${first.labelId}`;
  if (rest.length === 0) return `${label} ${quote(context.text, first)}`;
  const shared = rest.every((span) => span.labelId === first.labelId);
  return countOf(spans.length, shared ? `${label} span` : "span");
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
