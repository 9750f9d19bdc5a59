import { countOf } from "./count-of";
import type { LayerScheme } from "./layer-scheme";
import type { SpanDetails } from "./span-details";
import type { RelationContent, SpanContent, SpanEdit } from "./span-edits";
import { quote } from "./span-quote";

/**
 * The words for what a change to spans did, for the status line and screen readers alike: the
 * annotation page and the curation view say the same thing for the same change.
 */

/**
 * What the words need: the document's text (to quote), the project's label names by id, and its
 * scheme for the names of relation types and document labels.
 */
export type WordingContext = {
  text: string;
  labels: ReadonlyMap<number, string>;
  scheme?: LayerScheme;
};

/**
 * "Tagged “Kursk” as LOC", "Deleted ORG “NATO”", "Relabelled LOC “Kursk” as GPE", "Related “Kim”
 * to “Kursk” as located_in", "Set negated on PER “Kim”", "Chose topic: military"; several spans
 * are counted ("Tagged 3 spans as LOC"). Null for an edit that changes nothing.
 */
export function describeSpanEdit(context: WordingContext, edit: SpanEdit): string | null {
  const label = (id: number) => context.labels.get(id) ?? `label ${id}`;
  switch (edit.kind) {
    case "relabel":
      if (edit.from === edit.to) return null;
      return `Relabelled ${label(edit.from)} ${quote(context.text, edit)} as ${label(edit.to)}`;
    case "resize":
      return `Resized ${describeSpans(context, [edit.span])} to ${quote(context.text, edit)}`;
    case "describe":
      return describeDetails(context, edit);
    case "relate":
    case "unrelate":
      return describeRelations(context, edit.kind, edit.relations);
    case "choose":
      return describeChoice(context, edit);
    case "add":
    case "delete":
      break;
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
  const parts = edits.flatMap((edit, i) => {
    const next = edits[i + 1];
    // Deleting a span takes its relations along: said as one thing, not two.
    if (edit.kind === "unrelate" && next?.kind === "delete") return [];
    const previous = edits[i - 1];
    const said = describeSpanEdit(context, edit);
    if (edit.kind === "delete" && previous?.kind === "unrelate" && said) {
      return [`${said} with ${countOf(previous.relations.length, "relation")}`];
    }
    return said ?? [];
  });
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

function describeRelations(
  context: WordingContext,
  kind: "relate" | "unrelate",
  relations: readonly RelationContent[],
): string | null {
  const [first, ...rest] = relations;
  if (!first) return null;
  const typeName = (id: number) =>
    context.scheme?.relationTypes.find((type) => type.id === id)?.name ?? `relation ${id}`;
  const shared = rest.every((relation) => relation.typeId === first.typeId);
  if (rest.length > 0) {
    const counted = countOf(
      relations.length,
      shared ? `${typeName(first.typeId)} relation` : "relation",
    );
    return `${kind === "relate" ? "Drew" : "Removed"} ${counted}`;
  }
  const ends = `${quote(context.text, first.source)} to ${quote(context.text, first.target)}`;
  if (kind === "relate") return `Related ${ends} as ${typeName(first.typeId)}`;
  return `Removed the ${typeName(first.typeId)} relation from ${ends}`;
}

/** "Set negated on PER “Kim”", "Set certainty to high on …", "Cleared …", "Noted on …". */
function describeDetails(
  context: WordingContext,
  edit: Extract<SpanEdit, { kind: "describe" }>,
): string | null {
  const on = describeSpans(context, [edit.span]);
  const parts: string[] = [];
  const before = edit.from.attributes ?? {};
  const after = edit.to.attributes ?? {};
  if (edit.to.attributes) {
    for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const value = after[name];
      if (value === before[name]) continue;
      if (value === undefined || value === false) parts.push(`Cleared ${name} on ${on}`);
      else if (value === true) parts.push(`Set ${name} on ${on}`);
      else parts.push(`Set ${name} to ${value} on ${on}`);
    }
  }
  if (edit.to.note !== undefined && edit.to.note !== edit.from.note) {
    parts.push(
      edit.to.note ? `Noted on ${on}: ${edit.to.note.slice(0, 80)}` : `Removed the note on ${on}`,
    );
  }
  if (edit.to.fragments) parts.push(describeFragments(context, on, edit.from, edit.to));
  return parts.length > 0
    ? parts.map((part, i) => (i === 0 ? part : lowerFirst(part))).join(", ")
    : null;
}

function describeFragments(
  context: WordingContext,
  on: string,
  from: Partial<SpanDetails>,
  to: Partial<SpanDetails>,
): string {
  const key = ([start, end]: [number, number]) => `${start}:${end}`;
  const had = new Set((from.fragments ?? []).map(key));
  const has = new Set((to.fragments ?? []).map(key));
  const added = (to.fragments ?? []).filter((fragment) => !had.has(key(fragment)));
  const removed = (from.fragments ?? []).filter((fragment) => !has.has(key(fragment)));
  const [one] = added;
  if (one && added.length === 1 && removed.length === 0) {
    return `Added ${quote(context.text, { start: one[0], end: one[1] })} to ${on}`;
  }
  const [gone] = removed;
  if (gone && removed.length === 1 && added.length === 0) {
    return `Removed ${quote(context.text, { start: gone[0], end: gone[1] })} from ${on}`;
  }
  return `Changed the fragments of ${on}`;
}

/** "Chose topic: military", "Chose topic: economy instead of military", "Cleared topic: military". */
function describeChoice(
  context: WordingContext,
  edit: Extract<SpanEdit, { kind: "choose" }>,
): string | null {
  const set = context.scheme?.documentLabelSets.find((candidate) => candidate.id === edit.setId);
  const name = set?.name ?? `document label set ${edit.setId}`;
  const names = (ids: readonly number[]) =>
    ids
      .map((id) => set?.options.find((option) => option.id === id)?.name ?? `option ${id}`)
      .join(", ");
  if (edit.to.length === 0)
    return edit.from.length > 0 ? `Cleared ${name}: ${names(edit.from)}` : null;
  const instead = edit.from.length > 0 ? ` instead of ${names(edit.from)}` : "";
  return `Chose ${name}: ${names(edit.to)}${instead}`;
}
