import {
  compareSpanContent,
  contentOf,
  sameSpan,
  spanKey,
  type SpanContent,
} from "@/domain/span-edits";
import type { RelationArc } from "./relation-layout";

/** A relation between two spans of one layer, named by its ends' content and its type. */
export type RelationContent = { source: SpanContent; target: SpanContent; typeId: number };

/** What the page needs of a project's relation type. Empty label lists allow any label. */
export type TextRelationType = {
  id: number;
  name: string;
  color: string;
  hotkey: string | null;
  directed: boolean;
  sourceLabelIds: readonly number[];
  targetLabelIds: readonly number[];
};

export function relationKey(relation: RelationContent): string {
  return `${spanKey(relation.source)}>${spanKey(relation.target)}:${relation.typeId}`;
}

/** Only what names a relation, e.g. to send a drawn arc to the layer. */
export function relationOf({ source, target, typeId }: RelationContent): RelationContent {
  return { source: contentOf(source), target: contentOf(target), typeId };
}

export function sameRelation(a: RelationContent, b: RelationContent): boolean {
  return a.typeId === b.typeId && sameSpan(a.source, b.source) && sameSpan(a.target, b.target);
}

/**
 * The relation of this type from `source` to `target` as a layer names it: an undirected one
 * goes from the earlier span, so the same pair picked either way round is the same relation.
 */
export function orientRelation(
  type: TextRelationType,
  source: SpanContent,
  target: SpanContent,
): RelationContent {
  const swap = !type.directed && compareSpanContent(target, source) < 0;
  return { source: swap ? target : source, target: swap ? source : target, typeId: type.id };
}

/**
 * The types a menu offers between two spans. The layer's rules judge every relation when it is
 * made, so a type left out here would be refused there: this only spares the annotator the
 * choices the project forbids. An undirected relation is judged as the layer names it, from
 * its earlier span.
 */
export function typesAllowedBetween(
  types: readonly TextRelationType[],
  source: SpanContent,
  target: SpanContent,
): TextRelationType[] {
  return types.filter((type) => {
    const relation = orientRelation(type, source, target);
    return (
      allows(type.sourceLabelIds, relation.source.labelId) &&
      allows(type.targetLabelIds, relation.target.labelId)
    );
  });
}

function allows(labelIds: readonly number[], labelId: number): boolean {
  return labelIds.length === 0 || labelIds.includes(labelId);
}

/**
 * Each relation as drawn and listed: "Kim Jong Un — located_in → Kursk" for a directed type,
 * "Kim — met — Moon" for an undirected one. Relations of a type the page does not know are left
 * out rather than drawn unnamed.
 */
export function describeRelations(
  relations: readonly RelationContent[],
  types: readonly TextRelationType[],
  quote: (span: SpanContent) => string,
): RelationArc[] {
  const byId = new Map(types.map((type) => [type.id, type]));
  return relations.flatMap((relation) => {
    const type = byId.get(relation.typeId);
    if (!type) return [];
    const arrow = type.directed ? "→" : "—";
    return [
      {
        key: relationKey(relation),
        source: relation.source,
        target: relation.target,
        typeId: type.id,
        typeName: type.name,
        color: type.color,
        directed: type.directed,
        name: `${quote(relation.source)} — ${type.name} ${arrow} ${quote(relation.target)}`,
      },
    ];
  });
}
