// Test support for the agreement metrics: documents and tables from published examples.
import type { AgreementDocument } from "../agreement/types";

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

/**
 * The worked example of Wikipedia's "Fleiss' kappa" article: 10 subjects, 14 raters, 5 categories;
 * P̄ = 0.378, P̄e = 0.213, kappa = 0.210 (the computation of Fleiss 1971, eq. 1-9).
 */
export const wikipediaFleissExample = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];
