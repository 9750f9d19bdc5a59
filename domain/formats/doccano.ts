import type { Span } from "../spans";
import { createSpanReader, isSpanProblem, type OffsetUnit } from "./file-spans";
import {
  failAt,
  isJsonObject,
  parseJsonSource,
  splitJsonValues,
  type JsonPath,
  type JsonSource,
} from "./json-source";
import type { AnnotationRecord, DocumentRecord } from "./jsonl";
import { categorySet } from "./spacy";
import { annotationOf, stripByteOrderMark, type ReadReport, type SkippedEntry } from "./records";

/**
 * doccano's sequence-labelling JSONL: `{"text", "label": [[start, end, "LABEL"], ...]}`, the spans
 * also found under `labels` (1.x), `entities` (as triples, or as `{start_offset, end_offset,
 * label}` when relations are on) or, in doccano <= 1.2 exports, `annotations` with integer label ids
 * and a `user` per span. Relation extraction's `relations: [{from_id, to_id, type}]` name those
 * objects' `id`s. Categories, text classification's `label: ["positive"]` or intent detection's
 * `cats`, become the document labels of the set `category` (doccano has one list of them). Other
 * keys, and the keys of `meta`, go to meta.
 *
 * Offsets: doccano stores the indices its browser front end computes, i.e. UTF-16 code units
 * (doccano issue #2290, PR #99), not code points; `offsets: "code-points"` reads files from tools
 * that count code points. A record's own `"offsets": "code-points" | "utf-16"` key (which Concord's
 * writer adds, and doccano keeps as metadata) overrides the option, so such a file reads back exactly.
 * Projects in doccano's grapheme-cluster mode are not supported.
 */
export type DoccanoReadOptions = {
  /** Annotator of spans the file does not attribute (no `username` or `user`); default "doccano". */
  annotator?: string;
  /** Default "utf-16", as doccano writes. */
  offsets?: OffsetUnit;
  /** Names for the integer label ids of doccano <= 1.2 exports. */
  labelIds?: Record<number, string>;
};

const spanKeys = ["label", "labels", "entities", "annotations"] as const;

/** Reads a file of records, one per line or pretty-printed over several lines. */
export function readDoccano(content: string, options: DoccanoReadOptions = {}): ReadReport {
  const report: ReadReport = { documents: [], skipped: [] };
  for (const chunk of splitJsonValues(stripByteOrderMark(content))) {
    const { document, skipped } = parseDoccanoRecord(chunk.source, chunk.line, options);
    report.documents.push(document);
    report.skipped.push(...skipped);
  }
  return report;
}

/** Reads one record whose JSON starts on line `firstLine` (a JSONL line, or a multi-line object). */
export function parseDoccanoRecord(
  source: string,
  firstLine: number,
  options: DoccanoReadOptions = {},
): { document: DocumentRecord; skipped: SkippedEntry[] } {
  const json = parseJsonSource(source, firstLine);
  const record = json.value;
  if (!isJsonObject(record)) return failAt(json, [], "expected a JSON object");
  const text = record.text;
  if (typeof text !== "string") {
    return failAt(
      json,
      ["text"],
      text === undefined ? "is required but missing" : "must be a string",
    );
  }
  const idKey = "id" in record ? "id" : "doc_id" in record ? "doc_id" : null;
  const categoryKey = isCategoryList(record.label) ? "label" : "cats";
  const spanKey = spanKeys.find((key) => key in record && key !== categoryKey);
  const fallbackAnnotator =
    typeof record.username === "string" ? record.username : (options.annotator ?? "doccano");
  const unit = readOffsetUnit(json, record.offsets) ?? options.offsets;
  const categories = readCategories(json, categoryKey, record[categoryKey]);
  const spansByAnnotator = spanKey
    ? readSpans(json, spanKey, text, fallbackAnnotator, { ...options, offsets: unit })
    : { layers: new Map<string, Span[]>(), byId: new Map<unknown, [string, Span]>() };
  const layers = new Map<string, AnnotationRecord>(
    [...spansByAnnotator.layers].map(([annotator, spans]) => [
      annotator,
      annotationOf(annotator, spans),
    ]),
  );
  readRelations(json, spansByAnnotator.byId, layers);
  if (categories.length > 0) {
    const layer = layers.get(fallbackAnnotator) ?? annotationOf(fallbackAnnotator, []);
    layer.documentLabels = { [categorySet]: categories };
    layers.set(fallbackAnnotator, layer);
  }

  const skipped: SkippedEntry[] = [];
  if (record.meta !== undefined && !isJsonObject(record.meta)) {
    return failAt(json, ["meta"], "must be an object");
  }
  const consumed = new Set<string | null | undefined>([
    "text",
    "meta",
    "relations",
    categories.length > 0 ? categoryKey : null,
    "username",
    "offsets",
    idKey,
    spanKey,
  ]);
  const meta = Object.fromEntries(Object.entries(record).filter(([key]) => !consumed.has(key)));

  const document: DocumentRecord = {
    id: idKey ? readId(json, idKey, record[idKey]) : null,
    text,
    meta: { ...meta, ...(record.meta as Record<string, unknown> | undefined) },
    annotations: [...layers.values()],
  };
  return { document, skipped };
}

function readSpans(
  json: JsonSource,
  key: string,
  text: string,
  fallbackAnnotator: string,
  options: DoccanoReadOptions,
): { layers: Map<string, Span[]>; byId: Map<unknown, [string, Span]> } {
  const items = (json.value as Record<string, unknown>)[key];
  if (!Array.isArray(items)) return failAt(json, [key], "must be a list of spans");
  // An empty list is still someone's finished annotation: "nothing to label here".
  const spansByAnnotator = new Map<string, Span[]>(
    items.length === 0 ? [[fallbackAnnotator, []]] : [],
  );
  const readSpan = createSpanReader(text, options.offsets ?? "utf-16");
  const byId = new Map<unknown, [string, Span]>();
  items.forEach((item: unknown, i) => {
    const path: JsonPath = [key, i];
    const { keys, start, end, label, user, id } = unpackSpan(json, path, item);
    const name = labelName(json, [...path, keys.label], label, options);
    const span = readSpan(start, end, name);
    if (isSpanProblem(span)) return failAt(json, [...path, keys[span.field]], span.reason);
    const annotator = annotatorOf(json, [...path, "user"], user, fallbackAnnotator);
    spansByAnnotator.set(annotator, [...(spansByAnnotator.get(annotator) ?? []), span]);
    if (id !== undefined) byId.set(id, [annotator, span]);
  });
  return { layers: spansByAnnotator, byId };
}

/** `relations: [{from_id, to_id, type}]`, each joined to its entities' layer. */
function readRelations(
  json: JsonSource,
  byId: Map<unknown, [string, Span]>,
  layers: Map<string, AnnotationRecord>,
) {
  const relations = (json.value as Record<string, unknown>).relations;
  if (relations === undefined) return;
  if (!Array.isArray(relations)) return failAt(json, ["relations"], "must be a list");
  relations.forEach((relation: unknown, r) => {
    const path: JsonPath = ["relations", r];
    if (!isJsonObject(relation)) return failAt(json, path, "expected {from_id, to_id, type}");
    const end = (key: "from_id" | "to_id") =>
      byId.get(relation[key]) ??
      failAt(json, [...path, key], `entity ${JSON.stringify(relation[key])} is not in "entities"`);
    const [annotator, source] = end("from_id");
    const [, target] = end("to_id");
    if (typeof relation.type !== "string" || relation.type === "") {
      return failAt(json, [...path, "type"], "must be a relation type name");
    }
    const layer = layers.get(annotator);
    if (layer) (layer.relations ??= []).push({ source, target, type: relation.type });
  });
}

function isCategoryList(value: unknown): value is string[] {
  return (
    Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string")
  );
}

function readCategories(json: JsonSource, key: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string" && item !== "")) {
    return key === "cats" ? [] : failAt(json, [key], "must be a list of category names");
  }
  return [...new Set(value)];
}

type UnpackedSpan = {
  /** Where start, end and label sit inside the item, for error paths. */
  keys: { start: string | number; end: string | number; label: string | number };
  start: unknown;
  end: unknown;
  label: unknown;
  user: unknown;
  /** An entity's id, which relations name. */
  id?: unknown;
};

function unpackSpan(json: JsonSource, path: JsonPath, item: unknown): UnpackedSpan {
  if (Array.isArray(item)) {
    if (item.length !== 3) return failAt(json, path, "expected [start, end, label]");
    const [start, end, label] = item as unknown[];
    return { keys: { start: 0, end: 1, label: 2 }, start, end, label, user: undefined };
  }
  if (isJsonObject(item)) {
    return {
      keys: { start: "start_offset", end: "end_offset", label: "label" },
      start: item.start_offset,
      end: item.end_offset,
      label: item.label,
      user: item.user,
      id: item.id,
    };
  }
  const reason =
    typeof item === "string"
      ? `is the category "${item}", not a span: this looks like a text-classification file`
      : "expected [start, end, label] or {start_offset, end_offset, label}";
  return failAt(json, path, reason);
}

function labelName(
  json: JsonSource,
  path: JsonPath,
  label: unknown,
  options: DoccanoReadOptions,
): unknown {
  if (typeof label !== "number") return label;
  const name = options.labelIds?.[label];
  if (name !== undefined) return name;
  const reason = options.labelIds
    ? `label id ${label} is not among the label ids given`
    : `is the label id ${label}, not a name (doccano <= 1.2 exports ids): give labelIds to name them`;
  return failAt(json, path, reason);
}

function annotatorOf(json: JsonSource, path: JsonPath, user: unknown, fallback: string): string {
  if (user === undefined) return fallback;
  if (typeof user === "string" && user.trim() !== "") return user;
  // doccano <= 1.2 names users by number only.
  if (typeof user === "number") return `user-${user}`;
  return failAt(json, path, "must be a user name or number");
}

function readId(json: JsonSource, key: string, id: unknown): string {
  if ((typeof id === "string" && id !== "") || typeof id === "number") return String(id);
  return failAt(json, [key], "must be a non-empty string or a number");
}

function readOffsetUnit(json: JsonSource, value: unknown): OffsetUnit | undefined {
  if (value === undefined) return undefined;
  if (value === "code-points" || value === "utf-16") return value;
  return failAt(json, ["offsets"], 'must be "code-points" or "utf-16"');
}
