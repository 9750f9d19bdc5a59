import { countOf } from "../count-of";
import type { SpanAttributes, SpanFragment } from "../span-details";
import type { Span } from "../spans";

/**
 * What a layer holds beyond labelled ranges, as formats speak of it: by names (labels, relation
 * types, attributes, document label sets and options), never by a project's ids, so a record means
 * the same in any project. Offsets are UTF-16 code units in memory, like spans'.
 */
export type RecordSpan = Span & {
  /** Values by attribute name; absent or empty: none set. */
  attributes?: SpanAttributes;
  /** "" or absent: no note. */
  note?: string;
  /** The further pieces of a discontinuous span, sorted; the span's own range is its first piece. */
  fragments?: SpanFragment[];
};

/** A relation between two spans of one layer, its ends named by content. */
export type RecordRelation = {
  source: Span;
  target: Span;
  type: string;
  /** false: the type reads the same both ways (brat's equivalences, Label Studio's "bi"). */
  directed?: boolean;
};

/** A layer's chosen document labels: set name -> option names. */
export type DocumentLabels = Record<string, string[]>;

/** How much of each kind of detail some layers hold; what a format leaves out is counted so. */
export type DetailCounts = {
  relations: number;
  attributes: number;
  notes: number;
  fragments: number;
  documentLabels: number;
};

export const noDetailCounts = (): DetailCounts => ({
  relations: 0,
  attributes: 0,
  notes: 0,
  fragments: 0,
  documentLabels: 0,
});

/** Adds what a layer holds to `counts`; `fragments` counts discontinuous spans. */
export function countDetails(
  counts: DetailCounts,
  layer: { spans: RecordSpan[]; relations?: RecordRelation[]; documentLabels?: DocumentLabels },
  kinds: readonly (keyof DetailCounts)[] = detailKinds,
): DetailCounts {
  const has = new Set(kinds);
  for (const span of layer.spans) {
    if (has.has("attributes")) counts.attributes += Object.keys(span.attributes ?? {}).length;
    if (has.has("notes") && span.note) counts.notes++;
    if (has.has("fragments") && span.fragments?.length) counts.fragments++;
  }
  if (has.has("relations")) counts.relations += layer.relations?.length ?? 0;
  if (has.has("documentLabels")) {
    for (const options of Object.values(layer.documentLabels ?? {})) {
      counts.documentLabels += options.length;
    }
  }
  return counts;
}

export const detailKinds = [
  "relations",
  "attributes",
  "notes",
  "fragments",
  "documentLabels",
] as const satisfies readonly (keyof DetailCounts)[];

const detailNames: Record<keyof DetailCounts, string> = {
  relations: "relation",
  attributes: "attribute",
  notes: "note",
  fragments: "discontinuous span",
  documentLabels: "document label",
};

/** "left out: 3 relations, 2 attributes", or null when nothing was. */
export function describeLeftOut(counts: DetailCounts): string | null {
  const parts = detailKinds
    .filter((kind) => counts[kind] > 0)
    .map((kind) => countOf(counts[kind], detailNames[kind]));
  return parts.length > 0 ? `left out: ${parts.join(", ")}` : null;
}

/** The same span, whatever details it carries: relations name their ends so. */
export function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end && a.label === b.label;
}

/** The span without its details. */
export function spanContent(span: Span): Span {
  return { start: span.start, end: span.end, label: span.label };
}
