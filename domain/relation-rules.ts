import { DomainError } from "./errors";
import type { LayerSpan, LayerState } from "./layer-state";
import type { LayerRules, RelationTypeRule } from "./layer-scheme";
import {
  compareRelations,
  indexOfSpan,
  normalizeRelation,
  sameSpan,
  type RelationContent,
  type SpanContent,
  type SpanEdit,
} from "./span-edits";
import { labelName, quote } from "./span-quote";

export function relationTypeOf(rules: LayerRules, typeId: number): RelationTypeRule | undefined {
  return rules.scheme?.relationTypes.find((type) => type.id === typeId);
}

/** The relations of a relate or unrelate, undirected ones named with their earlier span first. */
export function normalizeRelations(
  rules: LayerRules,
  relations: readonly RelationContent[],
): RelationContent[] {
  return relations.map((relation) =>
    normalizeRelation(relation, relationTypeOf(rules, relation.typeId)?.directed ?? true),
  );
}

/** After a span moved, an undirected relation may have to swap its ends to stay normalized. */
export function renormalizeLayer<S extends LayerSpan>(
  rules: LayerRules,
  state: LayerState<S>,
): LayerState<S> {
  const relations = normalizeRelations(rules, state.relations);
  if (relations.every((relation, i) => relation === state.relations[i])) return state;
  return { ...state, relations: relations.sort(compareRelations) };
}

/** A relation is drawn between two spans that are there: refused otherwise, naming the span. */
export function assertRelationEnds(
  rules: LayerRules,
  spans: readonly SpanContent[],
  edit: Extract<SpanEdit, { kind: "relate" }>,
) {
  for (const relation of edit.relations) {
    const type = relationTypeOf(rules, relation.typeId);
    if (!type) {
      throw new DomainError(
        "BAD_REQUEST",
        `relation type ${relation.typeId} does not belong to this project`,
      );
    }
    for (const end of [relation.source, relation.target]) {
      if (indexOfSpan(spans, end) >= 0) continue;
      throw new DomainError(
        "NOT_FOUND",
        `cannot relate ${describeEnds(rules, relation)} as ${type.name}: the ${describeSpan(rules, end)} span is not in this layer`,
      );
    }
    if (sameSpan(relation.source, relation.target)) {
      throw new DomainError(
        "BAD_REQUEST",
        `cannot relate the ${describeSpan(rules, relation.source)} span to itself`,
      );
    }
  }
}

/** Whether a type's list of labels for one end takes this label; an empty list takes any. */
export function labelAllowed(allowed: readonly number[], labelId: number): boolean {
  return allowed.length === 0 || allowed.includes(labelId);
}

/** The labels a relation's type allows at its ends, judged when it is drawn or an end changes. */
export function assertRelationAllowed(rules: LayerRules, relation: RelationContent) {
  const type = relationTypeOf(rules, relation.typeId);
  if (!type) return;
  const ends = [
    ["start at", relation.source, type.sourceLabelIds],
    ["end at", relation.target, type.targetLabelIds],
  ] as const;
  for (const [verb, end, allowed] of ends) {
    if (labelAllowed(allowed, end.labelId)) continue;
    const names = allowed.map((id) => labelName(rules.labels, id)).join(", ");
    throw new DomainError(
      "BAD_REQUEST",
      `${type.name} cannot ${verb} the ${describeSpan(rules, end)} span: it takes ${names}`,
    );
  }
}

/** “Kim” to “Kursk”. */
export function describeEnds(rules: LayerRules, relation: RelationContent): string {
  return `${quote(rules.text, relation.source)} to ${quote(rules.text, relation.target)}`;
}

/** PER “Kim”. */
function describeSpan(rules: LayerRules, span: SpanContent): string {
  return `${labelName(rules.labels, span.labelId)} ${quote(rules.text, span)}`;
}
