import { createOffsetMap } from "../offsets";
import { codePointRange, type OffsetUnit } from "./file-spans";
import type { DocumentRecord } from "./jsonl";
import { spansToExport } from "./records";

/**
 * doccano's import JSONL, one record per line: `{"id", "text", "label": [[start, end, "LABEL"]],
 * "meta"}`. Offsets are UTF-16 code units by default, the JavaScript string indices doccano's front
 * end uses (doccano issue #2290), which are Concord's own offsets, so they are written unconverted.
 * With `offsets: "code-points"` they are Python string indices instead, and the record says so in an
 * `offsets` key, which Concord's reader follows (doccano keeps it as metadata). doccano keeps one
 * span list per example, so one annotator's spans are written (see spansToExport).
 */
export type DoccanoWriteOptions = { annotator?: string; offsets?: OffsetUnit };

export function formatDoccanoRecord(
  record: DocumentRecord,
  options: DoccanoWriteOptions = {},
): string {
  const spans = spansToExport(record, options.annotator);
  const offsets = options.offsets === "code-points" ? createOffsetMap(record.text) : null;
  const label = spans.map((span) => {
    const { start, end } = offsets ? codePointRange(offsets, span) : span;
    return [start, end, span.label];
  });
  const id = record.id === null ? {} : { id: record.id };
  const unit = offsets ? { offsets: "code-points" } : {};
  return JSON.stringify({ ...id, text: record.text, label, meta: record.meta, ...unit });
}

export function writeDoccano(records: DocumentRecord[], options: DoccanoWriteOptions = {}): string {
  return records.map((record) => `${formatDoccanoRecord(record, options)}\n`).join("");
}
