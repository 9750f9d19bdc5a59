import type { AgreementRelation, AgreementSpan } from "../agreement/types";
import type { AttributeValue } from "../span-details";
import { compareSpans, type Span } from "../spans";

/**
 * How the annotators of one document differ beyond their spans, for curation to settle: the
 * relations drawn between each pair of spans, the attribute values of the spans they marked
 * alike, and their answers to each document label set. Each item is "agreed" when every
 * annotator gave the same, else a "conflict"; agreed items are listed too, so that a reviewer
 * can take them into gold.
 */
export type AnnotatorStructure = {
  annotator: string;
  spans: readonly AgreementSpan[];
  relations: readonly AgreementRelation[];
  /** Option names by set name. */
  choices: Readonly<Record<string, string[]>>;
};

export type Agreement = "agreed" | "conflict";

/** The relations drawn between two spans (in offset order), by whom. */
export type RelationConflict = {
  kind: Agreement;
  ends: [Span, Span];
  variants: (AgreementRelation & { annotators: string[] })[];
  /** Annotators who drew no relation between the two. */
  without: string[];
};

/** One attribute of a span marked alike by two or more annotators, and each one's value. */
export type AttributeConflict = {
  kind: Agreement;
  span: Span;
  attribute: string;
  /** `null`: left unset (a boolean left unset is false). */
  variants: { value: AttributeValue | null; annotators: string[] }[];
};

/** One document label set and each annotator's answer (sorted option names; [] = none). */
export type DocumentLabelConflict = {
  kind: Agreement;
  set: string;
  variants: { options: string[]; annotators: string[] }[];
};

export type StructureScheme = {
  attributes: readonly { label: string; name: string; kind: "boolean" | "choice" | "text" }[];
  documentLabelSets: readonly { name: string }[];
};

const spanKey = (span: Span) => `${span.start}:${span.end}:${span.label}`;

export function findRelationConflicts(layers: readonly AnnotatorStructure[]): RelationConflict[] {
  const groups = new Map<string, RelationConflict>();
  for (const { annotator, relations } of layers) {
    for (const relation of relations) {
      const ends = [relation.source, relation.target].sort(compareSpans) as [Span, Span];
      const key = ends.map(spanKey).join("|");
      const group = groups.get(key) ?? { kind: "agreed", ends, variants: [], without: [] };
      groups.set(key, group);
      const same = group.variants.find(
        (v) =>
          v.type === relation.type &&
          spanKey(v.source) === spanKey(relation.source) &&
          spanKey(v.target) === spanKey(relation.target),
      );
      if (!same) group.variants.push({ ...relation, annotators: [annotator] });
      else if (!same.annotators.includes(annotator)) same.annotators.push(annotator);
    }
  }
  return [...groups.values()]
    .map((group) => {
      const drew = new Set(group.variants.flatMap((v) => v.annotators));
      const without = layers.map((l) => l.annotator).filter((name) => !drew.has(name));
      const agreed = without.length === 0 && group.variants.length === 1;
      return { ...group, kind: agreed ? "agreed" : "conflict", without } as RelationConflict;
    })
    .sort((a, b) => compareSpans(a.ends[0], b.ends[0]) || compareSpans(a.ends[1], b.ends[1]));
}

export function findAttributeConflicts(
  layers: readonly AnnotatorStructure[],
  scheme: StructureScheme,
): AttributeConflict[] {
  const marked = new Map<string, { span: Span; values: [string, AgreementSpan][] }>();
  for (const { annotator, spans } of layers) {
    for (const span of spans) {
      const key = spanKey(span);
      const entry = marked.get(key) ?? { span: pick(span), values: [] };
      marked.set(key, entry);
      if (!entry.values.some(([name]) => name === annotator)) entry.values.push([annotator, span]);
    }
  }
  const conflicts: AttributeConflict[] = [];
  const spans = [...marked.values()].sort((a, b) => compareSpans(a.span, b.span));
  for (const { span, values } of spans) {
    if (values.length < 2) continue;
    for (const attribute of scheme.attributes.filter((a) => a.label === span.label)) {
      const variants: AttributeConflict["variants"] = [];
      for (const [annotator, own] of values) {
        const raw = own.attributes?.[attribute.name];
        const value = attribute.kind === "boolean" ? raw === true : (raw ?? null);
        const same = variants.find((v) => v.value === value);
        if (same) same.annotators.push(annotator);
        else variants.push({ value, annotators: [annotator] });
      }
      const kind = variants.length === 1 ? "agreed" : "conflict";
      conflicts.push({ kind, span, attribute: attribute.name, variants });
    }
  }
  return conflicts;
}

export function findDocumentLabelConflicts(
  layers: readonly AnnotatorStructure[],
  scheme: StructureScheme,
): DocumentLabelConflict[] {
  return scheme.documentLabelSets.map(({ name }) => {
    const variants: DocumentLabelConflict["variants"] = [];
    for (const { annotator, choices } of layers) {
      const options = [...new Set(choices[name] ?? [])].sort();
      const same = variants.find((v) => v.options.join("\n") === options.join("\n"));
      if (same) same.annotators.push(annotator);
      else variants.push({ options, annotators: [annotator] });
    }
    return { kind: variants.length <= 1 ? "agreed" : "conflict", set: name, variants };
  });
}

const pick = ({ start, end, label }: Span): Span => ({ start, end, label });
