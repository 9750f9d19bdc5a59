import {
  contentOf,
  normalizeRelation,
  relationKey,
  type RelationContent,
  type SpanContent,
} from "@/domain/span-edits";
import { labelAllowed } from "@/domain/relation-rules";
import type { RelationArc } from "./relation-layout";

export type { RelationContent };

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

/** Only what names a relation, e.g. to send a drawn arc to the layer. */
export function relationOf({ source, target, typeId }: RelationContent): RelationContent {
  return { source: contentOf(source), target: contentOf(target), typeId };
}

/** The relation of this type from `source` to `target`, named as the layer names it. */
export function orientRelation(
  type: TextRelationType,
  source: SpanContent,
  target: SpanContent,
): RelationContent {
  return normalizeRelation({ source, target, typeId: type.id }, type.directed);
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
      labelAllowed(type.sourceLabelIds, relation.source.labelId) &&
      labelAllowed(type.targetLabelIds, relation.target.labelId)
    );
  });
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
