import type { AgreementDocument } from "./types";

/** Tests write spans as [start, end, label]. */
export type SpanTuple = readonly [start: number, end: number, label: string];

export const spansOf = (tuples: readonly SpanTuple[]) =>
  tuples.map(([start, end, label]) => ({ start, end, label }));

/** A document of a test project, from each annotator's submitted spans. */
export function documentOf(
  id: number,
  text: string,
  submissions: Record<string, readonly SpanTuple[]>,
): AgreementDocument {
  return {
    id,
    text,
    annotations: Object.entries(submissions).map(([annotator, spans]) => ({
      annotator,
      spans: spansOf(spans),
    })),
  };
}
