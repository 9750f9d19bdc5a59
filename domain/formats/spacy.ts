import { createOffsetMap } from "../offsets";
import { codePointRange, createSpanReader, isSpanProblem, type SpanProblem } from "./file-spans";
import { failAt, isJsonObject, parseJsonSource, type JsonSource } from "./json-source";
import type { DocumentRecord } from "./jsonl";
import { splitLines } from "./line-splitter";
import { annotationOf, layerToExport, spansToExport } from "./records";

/**
 * spaCy-style JSONL, one document per line: `{"id", "text", "ents": [[start, end, "LABEL"]],
 * "meta"}`. The reader also takes the `{"start", "end", "label"}` objects that spaCy's
 * `Doc.to_json()` writes under `ents`. `cats`, spaCy's `Doc.cats` (`{"sports": 1.0, "politics":
 * 0.0}`), gives the document labels of the set `category` scoring at least 0.5, as spaCy's
 * textcat threshold does; the writer gives each chosen label 1.0, of every set.
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
  const { text, ents, id, meta, cats } = record;
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
  const categories = readCats(json, cats);
  const annotator = options.annotator ?? "spacy";
  const layer = ents === undefined && categories === null ? null : annotationOf(annotator, spans);
  if (layer && categories?.length) layer.documentLabels = { [categorySet]: categories };
  return {
    id: id === undefined || id === null ? null : String(id),
    text,
    meta: meta ?? {},
    annotations: layer ? [layer] : [],
  };
}

/** The set flat category lists (spaCy's `cats`, doccano's categories) belong to. */
export const categorySet = "category";

function readCats(json: JsonSource, cats: unknown): string[] | null {
  if (cats === undefined) return null;
  if (!isJsonObject(cats)) return failAt(json, ["cats"], 'must be an object, {"label": score}');
  return Object.entries(cats).flatMap(([label, score]) => {
    if (typeof score !== "number") return failAt(json, ["cats", label], "must be a number");
    return score >= 0.5 ? [label] : [];
  });
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
  const layer = layerToExport(record, options.annotator);
  const chosen = Object.values(layer?.documentLabels ?? {}).flat();
  const cats = chosen.length > 0 ? { cats: Object.fromEntries(chosen.map((c) => [c, 1])) } : {};
  return JSON.stringify({ id: record.id, text: record.text, ents, ...cats, meta: record.meta });
}

export function writeSpacy(
  records: DocumentRecord[],
  options: { annotator?: string } = {},
): string {
  return records.map((record) => `${formatSpacyRecord(record, options)}\n`).join("");
}
