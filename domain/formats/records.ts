import { DomainError } from "../errors";
import { normalizeSpans, type Span } from "../spans";
import type { AnnotationRecord, DocumentRecord } from "./jsonl";
import type { RecordSpan } from "./record-details";

/** Something in a file that Concord has no place for, reported rather than silently dropped. */
export type SkippedEntry = { line: number; field: string | null; reason: string };

/** What a reader returns for formats that can hold more than spans (relations, events...). */
export type ReadReport = { documents: DocumentRecord[]; skipped: SkippedEntry[] };

/** Imported annotations count as submitted work: the other tool's annotator already finished them. */
export function annotationOf(
  annotator: string,
  spans: RecordSpan[],
  status: AnnotationRecord["status"] = "submitted",
): AnnotationRecord {
  return { annotator, status, spans: normalizeSpans(spans) };
}

/**
 * The spans a one-annotator format (CoNLL, doccano, spaCy...) exports for a document: those of
 * `annotator` when named, else of the only annotation set. Picking one of several silently would
 * export someone's work under no name, so that is refused.
 */
export function spansToExport(record: DocumentRecord, annotator?: string): Span[] {
  if (annotator !== undefined) {
    const chosen = record.annotations.find((annotation) => annotation.annotator === annotator);
    return normalizeSpans(chosen?.spans ?? []);
  }
  const [only, ...others] = record.annotations;
  if (others.length > 0) {
    const names = record.annotations.map((annotation) => annotation.annotator).join(", ");
    throw new DomainError(
      "BAD_REQUEST",
      `document ${record.id ?? "(no id)"} has annotations by ${names}: choose one annotator to export`,
    );
  }
  return normalizeSpans(only?.spans ?? []);
}

/** The layer spansToExport takes its spans from (undefined for a document nobody annotated). */
export function layerToExport(
  record: DocumentRecord,
  annotator?: string,
): AnnotationRecord | undefined {
  if (annotator !== undefined) {
    return record.annotations.find((annotation) => annotation.annotator === annotator);
  }
  spansToExport(record);
  return record.annotations[0];
}

/** Labels in column and standoff formats are separated by white space, so they cannot hold any. */
export function requireLabelWithoutSpaces(label: string, format: string): string {
  if (/\s/u.test(label)) {
    throw new DomainError(
      "BAD_REQUEST",
      `label "${label}" contains white space, which ${format} cannot hold`,
    );
  }
  return label;
}

/** Editors on Windows start UTF-8 files with U+FEFF; it is an encoding mark, not text. */
export function stripByteOrderMark(content: string): string {
  return content.startsWith("\uFEFF") ? content.slice(1) : content;
}
