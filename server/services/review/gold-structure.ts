import type { Db } from "@/db/open-database";
import { DomainError } from "@/domain/errors";
import type { LayerSpan, LayerState } from "@/domain/layer-state";
import {
  normalizeRelation,
  relationKey,
  sameSpan,
  type RelationContent,
  type SpanContent,
  type SpanEdit,
} from "@/domain/span-edits";
import { quote } from "@/domain/span-quote";
import { readWholeLayer } from "../layer-read";
import { listRelationTypes } from "../scheme";
import { editGold, goldLayer, type Curation } from "./gold";

/**
 * Settles what gold relates two spans by: one annotator's relation (replacing whatever gold drew
 * between them, either way round), or none (`relation` null). Through the one layer edit, so the
 * answer's `applied` undoes it like any gold edit. A relation goes into gold only between spans
 * gold has: the reviewer accepts the spans first, and is told so.
 */
export function settleRelations(
  db: Db,
  input: Curation & { ends: [SpanContent, SpanContent]; relation: RelationContent | null },
) {
  return db.transaction(async (tx) => {
    const layer = await goldLayer(tx, input);
    const types = await listRelationTypes(tx, layer.projectId);
    const gold = await readWholeLayer(tx, layer.annotationId, async () => types);
    const [first, second] = input.ends;
    const drawn = between(gold, first, second);
    if (!input.relation) {
      return editGold(tx, layer, drawn.length > 0 ? [{ kind: "unrelate", relations: drawn }] : []);
    }
    if (between({ ...gold, relations: [input.relation] }, first, second).length === 0) {
      throw new DomainError("BAD_REQUEST", "the relation to accept must be between the two spans");
    }
    const directed = types.find((type) => type.id === input.relation?.typeId)?.directed ?? true;
    const relation = normalizeRelation(input.relation, directed);
    const missing = [relation.source, relation.target].filter(
      (end) => !gold.spans.some((span) => sameSpan(span, end)),
    );
    if (missing.length > 0) {
      const spans = missing.map((end) => quote(layer.text, end)).join(" and ");
      throw new DomainError(
        "BAD_REQUEST",
        `A relation goes into gold only between gold spans: accept ${spans} into gold first.`,
      );
    }
    const replaced = drawn.filter((r) => relationKey(r) !== relationKey(relation));
    const edits: SpanEdit[] = [{ kind: "relate", relations: [relation] }];
    if (replaced.length > 0) edits.unshift({ kind: "unrelate", relations: replaced });
    return editGold(tx, layer, edits);
  });
}

/** Gold's relations between two spans, either way round. */
function between(gold: LayerState<LayerSpan>, a: SpanContent, b: SpanContent): RelationContent[] {
  return gold.relations.filter(
    ({ source, target }) =>
      (sameSpan(source, a) && sameSpan(target, b)) || (sameSpan(source, b) && sameSpan(target, a)),
  );
}
