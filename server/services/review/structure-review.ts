import type { LayerScheme } from "@/domain/layer-scheme";
import type { LayerState, LayerSpan } from "@/domain/layer-state";
import {
  findAttributeConflicts,
  findDocumentLabelConflicts,
  findRelationConflicts,
  type AnnotatorStructure,
} from "@/domain/review/structure-conflicts";
import {
  normalizeRelation,
  relationKey,
  sameSpan,
  type RelationContent,
  type SpanContent,
} from "@/domain/span-edits";
import type { Span } from "@/domain/spans";

/**
 * The structure conflicts of one document, named as gold edits name things (label, type and
 * option ids), each variant marked when gold holds it, and each relation with whether both its
 * ends are in gold (a relation goes into gold only between gold spans).
 */
export function describeStructureConflicts(
  layers: readonly AnnotatorStructure[],
  scheme: LayerScheme,
  labels: readonly { id: number; name: string }[],
  gold: LayerState<LayerSpan>,
) {
  const labelIds = new Map(labels.map((label) => [label.name, label.id]));
  const contentOf = (span: Span): SpanContent | null => {
    const labelId = labelIds.get(span.label);
    return labelId === undefined ? null : { start: span.start, end: span.end, labelId };
  };
  const inGold = (span: SpanContent | null) =>
    span !== null && gold.spans.some((g) => sameSpan(g, span));
  const goldRelations = new Set(gold.relations.map(relationKey));
  const names = {
    attributes: scheme.attributes.flatMap((attribute) => {
      const label = labels.find((l) => l.id === attribute.labelId)?.name;
      return label === undefined ? [] : [{ label, name: attribute.name, kind: attribute.kind }];
    }),
    documentLabelSets: scheme.documentLabelSets,
  };

  const relations = findRelationConflicts(layers).map((conflict) => {
    const ends = conflict.ends.map(contentOf);
    return {
      ...conflict,
      endContents: ends,
      endsInGold: ends.every(inGold),
      variants: conflict.variants.map((variant) => {
        const type = scheme.relationTypes.find((t) => t.name === variant.type);
        const source = contentOf(variant.source);
        const target = contentOf(variant.target);
        const relation: RelationContent | null =
          type && source && target
            ? normalizeRelation({ source, target, typeId: type.id }, type.directed)
            : null;
        return {
          ...variant,
          relation,
          inGold: !!relation && goldRelations.has(relationKey(relation)),
        };
      }),
    };
  });

  const attributes = findAttributeConflicts(layers, names).map((conflict) => {
    const span = contentOf(conflict.span);
    const goldSpan = span && gold.spans.find((g) => sameSpan(g, span));
    const kind = names.attributes.find(
      (a) => a.label === conflict.span.label && a.name === conflict.attribute,
    )?.kind;
    const goldValue = goldSpan
      ? kind === "boolean"
        ? goldSpan.attributes[conflict.attribute] === true
        : (goldSpan.attributes[conflict.attribute] ?? null)
      : undefined;
    return {
      ...conflict,
      spanContent: span,
      spanInGold: !!goldSpan,
      goldAttributes: goldSpan?.attributes ?? {},
      variants: conflict.variants.map((variant) => ({
        ...variant,
        inGold: goldValue !== undefined && goldValue === variant.value,
      })),
    };
  });

  const documentLabels = findDocumentLabelConflicts(layers, names).map((conflict) => {
    const set = scheme.documentLabelSets.find((s) => s.name === conflict.set);
    const optionIds = (options: string[]) =>
      options.flatMap((name) => set?.options.filter((o) => o.name === name).map((o) => o.id) ?? []);
    const goldChosen = (set?.options ?? [])
      .filter((o) => gold.choices.includes(o.id))
      .map((o) => o.id);
    return {
      ...conflict,
      setId: set?.id ?? null,
      multiple: set?.multiple ?? false,
      goldOptionIds: goldChosen,
      variants: conflict.variants.map((variant) => {
        const ids = optionIds(variant.options);
        const same = ids.length === goldChosen.length && ids.every((id) => goldChosen.includes(id));
        return { ...variant, optionIds: ids, inGold: same };
      }),
    };
  });

  return { relations, attributes, documentLabels };
}
