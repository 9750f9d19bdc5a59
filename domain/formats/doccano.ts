import type { Span } from "../spans";
import { createSpanReader, isSpanProblem, type OffsetUnit } from "./file-spans";
import {
  failAt,
  isJsonObject,
  parseJsonSource,
  skippedAt,
  splitJsonValues,
  type JsonPath,
  type JsonSource,
} from "./json-source";
import type { DocumentRecord } from "./jsonl";
import { annotationOf, stripByteOrderMark, type ReadReport, type SkippedEntry } from "./records";

/**
 * doccano's sequence-labelling JSONL: `{"text", "label": [[start, end, "LABEL"], ...]}`, the spans
 * also found under `labels` (1.x), `entities` (as triples, or as `{start_offset, end_offset,
 * label}` when relations are on) or, in doccano <= 1.2 exports, `annotations` with integer label ids
 * and a `user` per span. Other keys, and the keys of `meta`, go to meta; relations are reported.
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
  const spanKey = spanKeys.find((key) => key in record);
  const fallbackAnnotator =
    typeof record.username === "string" ? record.username : (options.annotator ?? "doccano");
  const unit = readOffsetUnit(json, record.offsets) ?? options.offsets;
  const spansByAnnotator = spanKey
    ? readSpans(json, spanKey, text, fallbackAnnotator, { ...options, offsets: unit })
    : new Map<string, Span[]>();

  const skipped: SkippedEntry[] = [];
  if (Array.isArray(record.relations) && record.relations.length > 0) {
    const reason = `${record.relations.length} relations left out: Concord keeps spans only`;
    skipped.push(skippedAt(json, ["relations"], reason));
  }
  if (record.meta !== undefined && !isJsonObject(record.meta)) {
    return failAt(json, ["meta"], "must be an object");
  }
  const consumed = new Set<string | null | undefined>([
    "text",
    "meta",
    "relations",
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
    annotations: [...spansByAnnotator].map(([annotator, spans]) => annotationOf(annotator, spans)),
  };
  return { document, skipped };
}

function readSpans(
  json: JsonSource,
  key: string,
  text: string,
  fallbackAnnotator: string,
  options: DoccanoReadOptions,
): Map<string, Span[]> {
  const items = (json.value as Record<string, unknown>)[key];
  if (!Array.isArray(items)) return failAt(json, [key], "must be a list of spans");
  // An empty list is still someone's finished annotation: "nothing to label here".
  const spansByAnnotator = new Map<string, Span[]>(
    items.length === 0 ? [[fallbackAnnotator, []]] : [],
  );
  const readSpan = createSpanReader(text, options.offsets ?? "utf-16");
  items.forEach((item: unknown, i) => {
    const path: JsonPath = [key, i];
    const { keys, start, end, label, user } = unpackSpan(json, path, item);
    const name = labelName(json, [...path, keys.label], label, options);
    const span = readSpan(start, end, name);
    if (isSpanProblem(span)) return failAt(json, [...path, keys[span.field]], span.reason);
    const annotator = annotatorOf(json, [...path, "user"], user, fallbackAnnotator);
    spansByAnnotator.set(annotator, [...(spansByAnnotator.get(annotator) ?? []), span]);
  });
  return spansByAnnotator;
}

type UnpackedSpan = {
  /** Where start, end and label sit inside the item, for error paths. */
  keys: { start: string | number; end: string | number; label: string | number };
  start: unknown;
  end: unknown;
  label: unknown;
  user: unknown;
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
