import type { BratDiscontinuous } from "./brat";
import type { AnnotationRecord } from "./jsonl";
import { sameSpan, type RecordRelation, type RecordSpan } from "./record-details";
import { normalizeSpans, type Span } from "../spans";

/** What becomes of a discontinuous span in a format that cannot hold one. */
export type FlattenPolicy = Exclude<BratDiscontinuous, "keep">;

/**
 * The layer with each discontinuous span written as its pieces ("split": relations keep to the
 * first), as one span from its first piece's start to its last one's end ("merge"), or left out
 * with its relations ("skip"). Gives how many spans it changed and relations it dropped.
 */
export function flattenFragments(
  layer: AnnotationRecord,
  policy: FlattenPolicy,
): { layer: AnnotationRecord; discontinuous: number; relationsDropped: number } {
  const discontinuous = layer.spans.filter((span) => span.fragments?.length);
  if (discontinuous.length === 0) return { layer, discontinuous: 0, relationsDropped: 0 };
  const moved = new Map<RecordSpan, Span | null>();
  const spans = layer.spans.flatMap((span): RecordSpan[] => {
    const { fragments, ...rest } = span;
    if (!fragments?.length) return [span];
    if (policy === "skip") {
      moved.set(span, null);
      return [];
    }
    if (policy === "split") {
      return [rest, ...fragments.map(([start, end]) => ({ start, end, label: span.label }))];
    }
    const end = Math.max(span.end, ...fragments.map(([, to]) => to));
    moved.set(span, { start: span.start, end, label: span.label });
    return [{ ...rest, end }];
  });
  const endOf = (end: Span): Span | null => {
    const span = [...moved.keys()].find((candidate) => sameSpan(candidate, end));
    return span ? (moved.get(span) ?? null) : end;
  };
  const relations = (layer.relations ?? []).flatMap((relation): RecordRelation[] => {
    const source = endOf(relation.source);
    const target = endOf(relation.target);
    return source && target ? [{ ...relation, source, target }] : [];
  });
  return {
    layer: { ...layer, spans: normalizeSpans(spans), ...(layer.relations ? { relations } : {}) },
    discontinuous: discontinuous.length,
    relationsDropped: (layer.relations?.length ?? 0) - relations.length,
  };
}
