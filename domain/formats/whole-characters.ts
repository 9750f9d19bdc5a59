import { snapToCharacters, splitsCharacter } from "../graphemes";
import { normalizeSpans } from "../spans";
import type { DocumentRecord } from "./jsonl";

/**
 * What an import does with a span that starts or ends inside a character (a grapheme cluster:
 * half a flag, an accent without its letter): refuse the document, or widen the span to the whole
 * characters it touches. Files made by tools that count code points often hold such spans.
 */
export const splitCharacterPolicies = ["refuse", "snap"] as const;
export type SplitCharacters = (typeof splitCharacterPolicies)[number];

export type SplitCharacterProblem = { field: string; start: number; reason: string };

/** The record with every span on whole characters, or the first span that splits one. */
export function alignSpansToCharacters(
  record: DocumentRecord,
  how: SplitCharacters,
): DocumentRecord | SplitCharacterProblem {
  const { text } = record;
  const splits = (span: { start: number; end: number }) =>
    splitsCharacter(text, span.start) || splitsCharacter(text, span.end);
  if (!record.annotations.some((annotation) => annotation.spans.some(splits))) return record;
  if (how === "refuse") {
    for (const [a, annotation] of record.annotations.entries()) {
      const s = annotation.spans.findIndex(splits);
      const span = annotation.spans[s];
      if (!span) continue;
      const whole = snapToCharacters(text, span);
      return {
        field: `annotations[${a}].spans[${s}]`,
        start: span.start,
        reason: `“${text.slice(span.start, span.end)}” splits the character(s) “${text.slice(whole.start, whole.end)}”; import with split characters "snap" to widen such spans`,
      };
    }
  }
  return {
    ...record,
    annotations: record.annotations.map((annotation) => ({
      ...annotation,
      spans: normalizeSpans(
        annotation.spans.map((span) => ({ ...span, ...snapToCharacters(text, span) })),
      ),
    })),
  };
}

export function isSplitCharacterProblem(
  result: DocumentRecord | SplitCharacterProblem,
): result is SplitCharacterProblem {
  return "reason" in result;
}
