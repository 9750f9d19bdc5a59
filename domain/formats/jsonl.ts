import { z } from "zod";
import { InputError } from "../errors";
import { findLabelNameProblem } from "../labels";
import { createOffsetMap } from "../offsets";
import { readLayerDetails, writeLayerDetails } from "./jsonl-details";
import type { DocumentLabels, RecordRelation, RecordSpan } from "./record-details";

/**
 * Concord's native JSONL: one document per line,
 * `{"id", "text", "meta", "annotations": [{"annotator", "status", "spans": [{"start","end","label",
 * "attributes"?, "note"?, "fragments"?}], "relations"?: [{"source","target","type","directed"?}],
 * "documentLabels"?: {"set": ["option"]}}]}`, relation ends being indices into the layer's spans
 * (README.md, "Native JSONL"). Offsets in the file are Unicode code points; in memory they are
 * UTF-16 code units (see offsets.ts).
 */
export type DocumentRecord = {
  id: string | null;
  text: string;
  meta: Record<string, unknown>;
  annotations: AnnotationRecord[];
};

export type AnnotationRecord = {
  annotator: string;
  /** "curated" only on a gold layer, which is exported but never imported as an annotator's work. */
  status: "in_progress" | "submitted" | "curated";
  spans: RecordSpan[];
  relations?: RecordRelation[];
  documentLabels?: DocumentLabels;
};

const spanSchema = z.object({
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  label: z.string().min(1),
  attributes: z.record(z.string().min(1), z.union([z.boolean(), z.string()])).optional(),
  note: z.string().optional(),
  fragments: z.array(z.tuple([z.int().nonnegative(), z.int().nonnegative()])).optional(),
});

const relationSchema = z.object({
  source: z.int().nonnegative(),
  target: z.int().nonnegative(),
  type: z.string().min(1),
  directed: z.boolean().optional(),
});

const recordSchema = z.object({
  id: z
    .union([z.string().min(1), z.int()])
    .nullable()
    .optional(),
  text: z.string(),
  meta: z.record(z.string(), z.unknown()).optional(),
  annotations: z
    .array(
      z.object({
        annotator: z.string().min(1),
        status: z.enum(["in_progress", "submitted"]).optional(),
        spans: z.array(spanSchema),
        relations: z.array(relationSchema).optional(),
        documentLabels: z.record(z.string().min(1), z.array(z.string().min(1))).optional(),
      }),
    )
    .optional(),
});

/** Parses one line of a JSONL file; `lineNumber` is 1-based and only used in errors. */
export function parseJsonlRecord(line: string, lineNumber: number): DocumentRecord {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    throw new InputError(lineNumber, null, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InputError(lineNumber, null, "expected a JSON object");
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? formatPath(issue.path) : null;
    throw new InputError(lineNumber, field || null, describeIssue(issue, json));
  }

  const { text } = parsed.data;
  const offsets = createOffsetMap(text);
  const seenAnnotators = new Set<string>();
  const annotations = (parsed.data.annotations ?? []).map((annotation, a) => {
    if (seenAnnotators.has(annotation.annotator)) {
      throw new InputError(
        lineNumber,
        `annotations[${a}].annotator`,
        `annotator "${annotation.annotator}" appears twice in this document`,
      );
    }
    seenAnnotators.add(annotation.annotator);
    const spans = annotation.spans.map((span, s): RecordSpan => {
      const where = `annotations[${a}].spans[${s}]`;
      const labelProblem = findLabelNameProblem(span.label);
      if (labelProblem) throw new InputError(lineNumber, `${where}.label`, labelProblem);
      if (span.start >= span.end) {
        throw new InputError(
          lineNumber,
          `${where}.start`,
          `start ${span.start} must be less than end ${span.end}`,
        );
      }
      const end = offsets.toUtf16(span.end);
      if (end === undefined) {
        throw new InputError(
          lineNumber,
          `${where}.end`,
          `end ${span.end} is past the end of the text (${offsets.codePointLength} code points)`,
        );
      }
      return { start: offsets.toUtf16(span.start) as number, end, label: span.label };
    });
    const where = `annotations[${a}]`;
    return {
      annotator: annotation.annotator,
      status: annotation.status ?? "submitted",
      ...readLayerDetails(annotation, spans, offsets, { line: lineNumber, where }),
    };
  });

  return {
    id: parsed.data.id == null ? null : String(parsed.data.id),
    text,
    meta: parsed.data.meta ?? {},
    annotations,
  };
}

/** Writes one record as a JSONL line (no trailing newline), offsets converted to code points. */
export function formatJsonlRecord(record: DocumentRecord): string {
  const offsets = createOffsetMap(record.text);
  return JSON.stringify({
    id: record.id,
    text: record.text,
    meta: record.meta,
    annotations: record.annotations.map((annotation) => ({
      annotator: annotation.annotator,
      status: annotation.status,
      ...writeLayerDetails(annotation, offsets),
    })),
  });
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((key, i) =>
      typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`,
    )
    .join("");
}

function describeIssue(issue: z.core.$ZodIssue | undefined, json: object): string {
  if (!issue) return "invalid document";
  const missing = issue.code === "invalid_type" && valueAt(json, issue.path) === undefined;
  return missing ? "is required but missing" : issue.message;
}

function valueAt(json: unknown, path: PropertyKey[]): unknown {
  let value: unknown = json;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
