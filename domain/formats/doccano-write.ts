import type { DocumentRecord } from "./jsonl";
import { spansToExport } from "./records";

/**
 * doccano's import JSONL, one record per line: `{"id", "text", "label": [[start, end, "LABEL"]],
 * "meta"}`. Offsets are UTF-16 code units, the JavaScript string indices doccano's front end uses
 * (doccano issue #2290), which are Concord's own offsets, so they are written unconverted. doccano
 * keeps one span list per example, so one annotator's spans are written (see spansToExport).
 */
export function formatDoccanoRecord(
  record: DocumentRecord,
  options: { annotator?: string } = {},
): string {
  const label = spansToExport(record, options.annotator).map((span) => [
    span.start,
    span.end,
    span.label,
  ]);
  const id = record.id === null ? {} : { id: record.id };
  return JSON.stringify({ ...id, text: record.text, label, meta: record.meta });
}

export function writeDoccano(
  records: DocumentRecord[],
  options: { annotator?: string } = {},
): string {
  return records.map((record) => `${formatDoccanoRecord(record, options)}\n`).join("");
}
