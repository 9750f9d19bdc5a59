import { DomainError } from "../errors";
import { createOffsetMap, type OffsetMap } from "../offsets";
import { trimWhitespace, type Span } from "../spans";
import { createBratConf, type BratConf } from "./brat-conf";
import { codePointRange } from "./file-spans";
import type { DocumentRecord } from "./jsonl";
import { noDetailCounts, sameSpan, type DetailCounts, type RecordSpan } from "./record-details";
import { requireLabelWithoutSpaces, spansToExport } from "./records";

export { formatBratConf } from "./brat-conf";

/**
 * brat standoff for one document: its `.txt` is the record's text as it is, its `.ann` comes from
 * formatBratAnn, and the collection's `annotation.conf` from the BratConf the writes fill.
 * Offsets are Unicode code points (https://brat.nlplab.org/standoff.html).
 *
 * A `.ann` line cannot hold a line break, so a span crossing one is written as brat itself writes a
 * selection across lines: as fragments cut at the line breaks, surrounding white space trimmed
 * (brat's annotator.py); the reader joins them again. A discontinuous span lists its pieces.
 * Relations typed `Event:Role` from spans labelled `Event` are written back as that event (`E`),
 * undirected relations as equivalences (`*`), others as `R`; attributes as `A` (a false flag is
 * brat's absent one), notes as `#` (line breaks become spaces). A valued attribute whose value
 * holds white space cannot be written and is counted in `leftOut`; document labels have no place
 * in brat (the export counts them).
 */
export function formatBratAnn(
  record: DocumentRecord,
  options: { annotator?: string; conf?: BratConf; leftOut?: DetailCounts } = {},
): string {
  const offsets = createOffsetMap(record.text);
  const conf = options.conf ?? createBratConf();
  const leftOut = options.leftOut ?? noDetailCounts();
  const spans = spansToExport(record, options.annotator);
  const layer =
    record.annotations.find((annotation) => annotation.annotator === options.annotator) ??
    record.annotations[0];
  const lines: string[] = [];
  const idOf = (end: Span) => `T${spans.findIndex((span) => sameSpan(span, end)) + 1}`;
  spans.forEach((span, i) => {
    const label = requireLabelWithoutSpaces(span.label, "brat");
    conf.entity(label);
    lines.push(`T${i + 1}\t${label} ${textBound(record.text, offsets, span)}\n`);
  });

  const relations = layer?.relations ?? [];
  const events = new Map<string, string[]>();
  let r = 0;
  for (const relation of relations) {
    const [event, role] = relation.type.split(":");
    const type = requireLabelWithoutSpaces(relation.type, "brat");
    if (role && event === relation.source.label) {
      const key = idOf(relation.source);
      events.set(key, [
        ...(events.get(key) ?? [`${event}:${key}`]),
        `${role}:${idOf(relation.target)}`,
      ]);
      conf.event(event, role);
    } else if (relation.directed === false) {
      lines.push(`*\t${type} ${idOf(relation.source)} ${idOf(relation.target)}\n`);
      conf.relation(type, true);
    } else {
      lines.push(`R${++r}\t${type} Arg1:${idOf(relation.source)} Arg2:${idOf(relation.target)}\n`);
      conf.relation(type, false);
    }
  }
  let e = 0;
  for (const args of events.values()) lines.push(`E${++e}\t${args.join(" ")}\n`);

  let a = 0;
  let n = 0;
  spans.forEach((span: RecordSpan, i) => {
    for (const [name, value] of Object.entries(span.attributes ?? {})) {
      if (value === false) continue;
      if (typeof value === "string" && /\s/u.test(value)) {
        leftOut.attributes++;
        continue;
      }
      const attribute = requireLabelWithoutSpaces(name, "brat");
      lines.push(`A${++a}\t${attribute} T${i + 1}${value === true ? "" : ` ${value}`}\n`);
      conf.attribute(attribute, value);
    }
    if (span.note) {
      lines.push(
        `#${++n}\tAnnotatorNotes T${i + 1}\t${span.note.replace(/\s*[\r\n\u2028\u2029]+\s*/gu, " ")}\n`,
      );
    }
  });
  return lines.join("");
}

/** `Label 0 5;10 15<TAB>reference`: the span's pieces, each cut at line breaks. */
function textBound(text: string, offsets: OffsetMap, span: RecordSpan): string {
  const pieces = [
    { ...span, start: span.start, end: span.end },
    ...(span.fragments ?? []).map(([start, end]) => ({ start, end, label: span.label })),
  ].flatMap((piece) => fragmentsBetweenLineBreaks(text, piece));
  const ranges = pieces.map((piece) => {
    const { start, end } = codePointRange(offsets, piece);
    return `${start} ${end}`;
  });
  const reference = pieces.map((piece) => text.slice(piece.start, piece.end)).join(" ");
  return `${ranges.join(";")}\t${reference}`;
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
