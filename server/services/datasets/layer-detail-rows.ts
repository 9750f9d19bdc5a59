import type { AnnotationRecord } from "@/domain/formats/jsonl";
import { compareSpans, type Span } from "@/domain/spans";
import type { SchemeImport } from "./import-scheme";

type RelationRow = {
  annotationId: number;
  sourceSpanId: number;
  targetSpanId: number;
  typeId: number;
};
type ChoiceRow = { annotationId: number; optionId: number };

const keyOf = (span: Span) => `${span.start}:${span.end}:${span.label}`;

/**
 * The relation and document-choice rows of layers whose spans were just inserted, `spanIds`
 * following the layers' spans in order. An undirected type's ends are stored in offset order, so
 * that "A sibling of B" and "B sibling of A" are one relation.
 */
export function layerDetailRows(
  layers: { annotationId: number; annotation: AnnotationRecord }[],
  spanIds: number[],
  scheme: SchemeImport,
): { relations: RelationRow[]; choices: ChoiceRow[] } {
  const relations: RelationRow[] = [];
  const choices: ChoiceRow[] = [];
  let at = 0;
  for (const { annotationId, annotation } of layers) {
    const idOf = new Map<string, number>();
    for (const span of annotation.spans) idOf.set(keyOf(span), spanIds[at++] as number);
    const seen = new Set<string>();
    for (const relation of annotation.relations ?? []) {
      const type = scheme.relationType(relation.type);
      if (!type) throw new Error(`relation type "${relation.type}" was not created`);
      const [source, target] =
        !type.directed && compareSpans(relation.target, relation.source) < 0
          ? [relation.target, relation.source]
          : [relation.source, relation.target];
      const sourceSpanId = idOf.get(keyOf(source));
      const targetSpanId = idOf.get(keyOf(target));
      if (sourceSpanId === undefined || targetSpanId === undefined) {
        throw new Error(`a "${relation.type}" relation names a span its layer does not have`);
      }
      const key = `${sourceSpanId}:${targetSpanId}:${type.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      relations.push({ annotationId, sourceSpanId, targetSpanId, typeId: type.id });
    }
    for (const [setName, options] of Object.entries(annotation.documentLabels ?? {})) {
      for (const option of new Set(options)) {
        const optionId = scheme.optionId(setName, option);
        if (optionId === undefined)
          throw new Error(`option "${setName}: ${option}" was not created`);
        choices.push({ annotationId, optionId });
      }
    }
  }
  return { relations, choices };
}
