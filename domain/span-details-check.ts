import { DomainError } from "./errors";
import type { LayerSpan } from "./layer-state";
import { maxAttributeTextLength, maxNoteLength, type LayerRules } from "./layer-scheme";
import type { AttributeValue, SpanFragment } from "./span-details";
import { labelName, quote } from "./span-quote";
import { findSpanProblem, spansOverlap } from "./spans";

/**
 * What a span carries must suit its label and text: attributes its label defines, each with a
 * value of its kind; a note of bounded length; fragments that are ranges of the text, apart from
 * the span's own range and from each other.
 */
export function assertDetailsFit(rules: LayerRules, span: LayerSpan) {
  const named = `${labelName(rules.labels, span.labelId)} ${quote(rules.text, span)}`;
  for (const [name, value] of Object.entries(span.attributes)) {
    assertAttribute(rules, span.labelId, named, name, value);
  }
  if (span.note.length > maxNoteLength) {
    throw new DomainError(
      "BAD_REQUEST",
      `the note on ${named} is ${span.note.length} characters long; at most ${maxNoteLength}`,
    );
  }
  let previous: { start: number; end: number } = span;
  for (const [start, end] of sortFragments(span.fragments)) {
    const problem = findSpanProblem(rules.text, start, end);
    if (problem) {
      throw new DomainError("BAD_REQUEST", `fragment ${start}-${end} of ${named}: ${problem}`);
    }
    const fragment = { start, end };
    if (spansOverlap(fragment, span) || spansOverlap(fragment, previous)) {
      throw new DomainError(
        "BAD_REQUEST",
        `the fragment ${quote(rules.text, fragment)} of ${named} overlaps ${previous === span ? "the span itself" : `its fragment ${quote(rules.text, previous)}`}`,
      );
    }
    previous = fragment;
  }
}

function assertAttribute(
  rules: LayerRules,
  labelId: number,
  named: string,
  name: string,
  value: AttributeValue,
) {
  const attribute = rules.scheme?.attributes.find(
    (rule) => rule.labelId === labelId && rule.name === name,
  );
  const label = labelName(rules.labels, labelId);
  if (!attribute) {
    throw new DomainError("BAD_REQUEST", `${label} has no attribute ${name} (on ${named})`);
  }
  const takes =
    attribute.kind === "boolean"
      ? typeof value === "boolean"
        ? null
        : "true or false"
      : typeof value !== "string"
        ? "text"
        : attribute.kind === "choice" && !attribute.options.includes(value)
          ? `one of ${attribute.options.join(", ")}`
          : value.length > maxAttributeTextLength
            ? `at most ${maxAttributeTextLength} characters`
            : null;
  if (takes) {
    throw new DomainError(
      "BAD_REQUEST",
      `${name} on ${named} takes ${takes}, not ${JSON.stringify(value).slice(0, 60)}`,
    );
  }
}

/** Fragments in text order, as a span stores them. */
export function sortFragments(fragments: readonly SpanFragment[]): SpanFragment[] {
  return [...fragments].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
