import { DomainError } from "../errors";

/** The label of a token outside every span of an annotator, as in token-level formats. */
const OUTSIDE_LABEL = "O";
export const OUTSIDE = 0;

/**
 * Labels numbered 0..names.length − 1 so that counts can live in arrays indexed by code: 0 is "O",
 * then the project's labels in their order.
 */
export type LabelCodes = { names: string[]; codeOf(label: string): number };

export function createLabelCodes(projectLabels: readonly string[]): LabelCodes {
  const codes = new Map<string, number>([[OUTSIDE_LABEL, OUTSIDE]]);
  for (const label of projectLabels) {
    if (!codes.has(label)) codes.set(label, codes.size);
  }
  return {
    names: [...codes.keys()],
    codeOf(label) {
      const code = codes.get(label);
      if (code === undefined || code === OUTSIDE) {
        throw new DomainError("BAD_REQUEST", `span label "${label}" is not a label of the project`);
      }
      return code;
    },
  };
}
