import type { AnnotationRecord } from "@/domain/formats/jsonl";
import { sameSpan } from "@/domain/formats/record-details";

/**
 * A relation end the layer does not hold, quoted: formats name ends that exist, but a record
 * built elsewhere (a test, the API) may not.
 */
export function findMissingEnd(
  text: string,
  annotation: AnnotationRecord,
): { start: number; reason: string } | null {
  for (const relation of annotation.relations ?? []) {
    for (const end of [relation.source, relation.target]) {
      if (annotation.spans.some((span) => sameSpan(span, end))) continue;
      const quoted = text.slice(end.start, end.end);
      return {
        start: end.start,
        reason: `a "${relation.type}" relation ends at "${quoted}" (${end.label}), which "${annotation.annotator}" did not mark`,
      };
    }
  }
  return null;
}
