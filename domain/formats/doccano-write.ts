import { createOffsetMap } from "../offsets";
import { codePointRange, type OffsetUnit } from "./file-spans";
import type { DocumentRecord } from "./jsonl";
import { sameSpan } from "./record-details";
import { layerToExport, spansToExport } from "./records";
import type { Span } from "../spans";

/**
 * doccano's import JSONL, one record per line: `{"id", "text", "label": [[start, end, "LABEL"]],
 * "meta"}`. Offsets are UTF-16 code units by default, the JavaScript string indices doccano's front
 * end uses (doccano issue #2290), which are Concord's own offsets, so they are written unconverted.
 * With `offsets: "code-points"` they are Python string indices instead, and the record says so in an
 * `offsets` key, which Concord's reader follows (doccano keeps it as metadata). doccano keeps one
 * span list per example, so one annotator's spans are written (see spansToExport). A layer with
 * relations is written in doccano's relation-extraction shape (`entities` with ids, `relations`);
 * document labels, of every set, as the example's categories (`cats`).
 */
export type DoccanoWriteOptions = { annotator?: string; offsets?: OffsetUnit };

export function formatDoccanoRecord(
  record: DocumentRecord,
  options: DoccanoWriteOptions = {},
): string {
  const spans = spansToExport(record, options.annotator);
  const layer = layerToExport(record, options.annotator);
  const offsets = options.offsets === "code-points" ? createOffsetMap(record.text) : null;
  const rangeOf = (span: Span) => (offsets ? codePointRange(offsets, span) : span);
  const id = record.id === null ? {} : { id: record.id };
  const unit = offsets ? { offsets: "code-points" } : {};
  const categories = Object.values(layer?.documentLabels ?? {}).flat();
  const cats = categories.length > 0 ? { cats: categories } : {};
  const relations = layer?.relations ?? [];
  if (relations.length === 0) {
    const label = spans.map((span) => {
      const { start, end } = rangeOf(span);
      return [start, end, span.label];
    });
    return JSON.stringify({ ...id, text: record.text, label, ...cats, meta: record.meta, ...unit });
  }
  // doccano's relation extraction shape: entities with ids, relations naming them.
  const entities = spans.map((span, i) => {
    const { start, end } = rangeOf(span);
    return { id: i, label: span.label, start_offset: start, end_offset: end };
  });
  const idOf = (end: Span) => spans.findIndex((span) => sameSpan(span, end));
  const written = relations.map((relation, i) => ({
    id: i,
    from_id: idOf(relation.source),
    to_id: idOf(relation.target),
    type: relation.type,
  }));
  return JSON.stringify({
    ...id,
    text: record.text,
    entities,
    relations: written,
    ...cats,
    meta: record.meta,
    ...unit,
  });
}

export function writeDoccano(records: DocumentRecord[], options: DoccanoWriteOptions = {}): string {
  return records.map((record) => `${formatDoccanoRecord(record, options)}\n`).join("");
}
