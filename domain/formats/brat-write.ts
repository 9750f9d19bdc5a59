import { DomainError } from "../errors";
import { createOffsetMap } from "../offsets";
import { trimWhitespace, type Span } from "../spans";
import { codePointRange } from "./file-spans";
import type { DocumentRecord } from "./jsonl";
import { requireLabelWithoutSpaces, spansToExport } from "./records";

/**
 * brat standoff for one document: its `.txt` is the record's text as it is, its `.ann` comes from
 * formatBratAnn, and formatBratConf gives the collection's `annotation.conf`. Offsets are Unicode
 * code points (https://brat.nlplab.org/standoff.html).
 *
 * A `.ann` line cannot hold a line break, so a span crossing one is written as brat itself writes a
 * selection across lines: as fragments cut at the line breaks, surrounding white space trimmed
 * (brat's annotator.py). Reading them back with `discontinuous: "merge"` restores the span.
 */
export function formatBratAnn(
  record: DocumentRecord,
  options: { annotator?: string } = {},
): string {
  const offsets = createOffsetMap(record.text);
  return spansToExport(record, options.annotator)
    .map((span, i) => {
      const label = requireLabelWithoutSpaces(span.label, "brat");
      const fragments = fragmentsBetweenLineBreaks(record.text, span);
      const ranges = fragments.map((fragment) => {
        const { start, end } = codePointRange(offsets, fragment);
        return `${start} ${end}`;
      });
      const reference = fragments
        .map((fragment) => record.text.slice(fragment.start, fragment.end))
        .join(" ");
      return `T${i + 1}\t${label} ${ranges.join(";")}\t${reference}\n`;
    })
    .join("");
}

/** Entity types for the labels; any overlap allowed, as Concord projects may allow it. */
export function formatBratConf(labels: readonly string[]): string {
  return [
    "[entities]",
    ...labels.map((label) => requireLabelWithoutSpaces(label, "brat")),
    "",
    "[relations]",
    "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
    "",
    "[events]",
    "",
    "[attributes]",
    "",
  ].join("\n");
}

function fragmentsBetweenLineBreaks(text: string, span: Span): Span[] {
  const fragments: Span[] = [];
  let from = span.start;
  for (const match of text.slice(span.start, span.end).matchAll(/\r\n|[\n\r\u2028\u2029]/g)) {
    fragments.push({ ...span, start: from, end: span.start + match.index });
    from = span.start + match.index + match[0].length;
  }
  fragments.push({ ...span, start: from, end: span.end });
  const kept = fragments.flatMap((fragment) => {
    const trimmed = trimWhitespace(text, fragment.start, fragment.end);
    return trimmed ? [{ ...fragment, ...trimmed }] : [];
  });
  if (kept.length === 0) {
    throw new DomainError(
      "BAD_REQUEST",
      `a ${span.label} span covers only white space, which brat cannot show`,
    );
  }
  return kept;
}
