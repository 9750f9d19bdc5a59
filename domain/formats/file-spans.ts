import { DomainError } from "../errors";
import { findLabelNameProblem } from "../labels";
import { createOffsetMap, type OffsetMap } from "../offsets";
import type { Span } from "../spans";

/**
 * The two ways files count characters. Concord keeps UTF-16 code units in memory; most files count
 * code points (Python's `text[start:end]`), doccano counts UTF-16 units (JavaScript string indices).
 * Each format's file header says which one it speaks.
 */
export type OffsetUnit = "code-points" | "utf-16";

export type SpanProblem = { field: "start" | "end" | "label"; reason: string };

/** Checks one span as a file states it and converts it to Concord's UTF-16 offsets. */
export type SpanReader = (start: unknown, end: unknown, label: unknown) => Span | SpanProblem;

export function createSpanReader(text: string, unit: OffsetUnit): SpanReader {
  const offsets = createOffsetMap(text);
  const length = unit === "utf-16" ? text.length : offsets.codePointLength;
  const unitName = unit === "utf-16" ? "UTF-16 code units" : "code points";
  return (start, end, label) => {
    if (!isOffset(start)) return { field: "start", reason: describeBadOffset(start) };
    if (!isOffset(end)) return { field: "end", reason: describeBadOffset(end) };
    if (typeof label !== "string") {
      return {
        field: "label",
        reason: label === undefined ? "is required but missing" : "must be a string",
      };
    }
    const labelProblem = findLabelNameProblem(label);
    if (labelProblem) return { field: "label", reason: labelProblem };
    if (start >= end) {
      return { field: "start", reason: `start ${start} must be less than end ${end}` };
    }
    if (end > length) {
      return {
        field: "end",
        reason: `end ${end} is past the end of the text (${length} ${unitName})`,
      };
    }
    // Whole characters are judged with the import's policy, for every format at once (import-session).
    if (unit === "code-points") {
      return {
        start: offsets.toUtf16(start) as number,
        end: offsets.toUtf16(end) as number,
        label,
      };
    }
    return { start, end, label };
  };
}

export function isSpanProblem(result: Span | SpanProblem): result is SpanProblem {
  return "reason" in result;
}

/** A Concord span in code points, for writers; Concord's own spans always convert. */
export function codePointRange(offsets: OffsetMap, span: Span): { start: number; end: number } {
  const start = offsets.toCodePoint(span.start);
  const end = offsets.toCodePoint(span.end);
  if (start === undefined || end === undefined) {
    throw new DomainError("BAD_REQUEST", `span ${span.start}-${span.end} does not fit its text`);
  }
  return { start, end };
}

function isOffset(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function describeBadOffset(value: unknown): string {
  if (value === undefined) return "is required but missing";
  return `must be a whole number of at least 0, not ${JSON.stringify(value)}`;
}
