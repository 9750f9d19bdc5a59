import { createOffsetMap } from "../offsets";
import { codePointRange, createSpanReader, isSpanProblem, type SpanProblem } from "./file-spans";
import { failAt, isJsonObject, parseJsonSource } from "./json-source";
import type { DocumentRecord } from "./jsonl";
import { splitLines } from "./line-splitter";
import { annotationOf, spansToExport } from "./records";

/**
 * spaCy-style JSONL, one document per line: `{"id", "text", "ents": [[start, end, "LABEL"]],
 * "meta"}`. The reader also takes the `{"start", "end", "label"}` objects that spaCy's
 * `Doc.to_json()` writes under `ents`.
 *
 * Offsets: indices into the Python `str`, i.e. Unicode code points, which is what
 * `Doc.char_span(start, end, label)` takes (it returns None for offsets that miss token
 * boundaries, so a training script should check that).
 */
export type SpacyReadOptions = {
  /** Annotator of the `ents`; default "spacy". */
  annotator?: string;
};

export function readSpacy(content: string, options: SpacyReadOptions = {}): DocumentRecord[] {
  return splitLines(content).flatMap((line, i) =>
    line.trim() === "" ? [] : [parseSpacyRecord(line, i + 1, options)],
  );
}

export function parseSpacyRecord(
  line: string,
  lineNumber: number,
  options: SpacyReadOptions = {},
): DocumentRecord {
  const json = parseJsonSource(line, lineNumber);
  const record = json.value;
  if (!isJsonObject(record)) return failAt(json, [], "expected a JSON object");
  const { text, ents, id, meta } = record;
  if (typeof text !== "string") {
    return failAt(
      json,
      ["text"],
      text === undefined ? "is required but missing" : "must be a string",
    );
  }
  if (id !== undefined && id !== null && typeof id !== "string" && typeof id !== "number") {
    return failAt(json, ["id"], "must be a string or a number");
  }
  if (meta !== undefined && !isJsonObject(meta)) return failAt(json, ["meta"], "must be an object");
  if (ents !== undefined && !Array.isArray(ents)) return failAt(json, ["ents"], "must be a list");

  const readSpan = createSpanReader(text, "code-points");
  const spans = (ents ?? []).map((entity: unknown, i) => {
    const unpacked =
      unpackEntity(entity) ??
      failAt(json, ["ents", i], "expected [start, end, label] or {start, end, label}");
    const span = readSpan(...unpacked.values);
    if (!isSpanProblem(span)) return span;
    return failAt(json, ["ents", i, unpacked.keyOf(span.field)], span.reason);
  });
  return {
    id: id === undefined || id === null ? null : String(id),
    text,
    meta: meta ?? {},
    annotations: ents === undefined ? [] : [annotationOf(options.annotator ?? "spacy", spans)],
  };
}

type UnpackedEntity = {
  values: [start: unknown, end: unknown, label: unknown];
  /** Where a field sits in the entity, for error paths. */
  keyOf(field: SpanProblem["field"]): string | number;
};

const tripleIndex = { start: 0, end: 1, label: 2 } as const;

function unpackEntity(entity: unknown): UnpackedEntity | null {
  if (Array.isArray(entity) && entity.length === 3) {
    return { values: entity as UnpackedEntity["values"], keyOf: (field) => tripleIndex[field] };
  }
  if (!isJsonObject(entity)) return null;
  return { values: [entity.start, entity.end, entity.label], keyOf: (field) => field };
}

export function formatSpacyRecord(
  record: DocumentRecord,
  options: { annotator?: string } = {},
): string {
  const offsets = createOffsetMap(record.text);
  const ents = spansToExport(record, options.annotator).map((span) => {
    const { start, end } = codePointRange(offsets, span);
    return [start, end, span.label];
  });
  return JSON.stringify({ id: record.id, text: record.text, ents, meta: record.meta });
}

export function writeSpacy(
  records: DocumentRecord[],
  options: { annotator?: string } = {},
): string {
  return records.map((record) => `${formatSpacyRecord(record, options)}\n`).join("");
}
