// Test support for the format readers and writers: sample records, spans by needle, and the
// assertion every reader's refusal gets (an InputError naming its line and field).
import { expect } from "vitest";
import { InputError } from "../errors";
import type { DocumentRecord } from "../formats/jsonl";
import type { Span } from "../spans";
import { tokenize } from "../tokenize";
import { present } from "./lists";

export function catchInputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error("expected an InputError, but nothing was thrown");
}

export function expectInputError(run: () => unknown, line: number, field: string | null) {
  const error = catchInputError(run);
  expect({ line: error.line, field: error.field }).toEqual({ line, field });
  return error;
}

/** Emoji (astral, with a skin-tone modifier), a combining accent, CJK and a flag before or in spans. */
export const sampleText = "e\u0301 👍🏽 Ana met 李雷 in 𠮷野家, Zoë said 🇫🇷.\nThen Zoë left.";

/** UTF-16 span of the `occurrence`-th `needle` in `text`. */
export function spanOf(text: string, needle: string, label: string, occurrence = 0): Span {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" is not in "${text}"`);
  return { start: at, end: at + needle.length, label };
}

export function sampleRecord(): DocumentRecord {
  const text = sampleText;
  return recordWith(
    text,
    [
      spanOf(text, "Ana", "PER"),
      spanOf(text, "李雷", "PER"),
      spanOf(text, "𠮷野家", "LOC"),
      spanOf(text, "Zoë", "PER"),
      spanOf(text, "🇫🇷", "LOC"),
      spanOf(text, "Zoë", "PER", 1),
    ],
    { meta: { source: "chat" } },
  );
}

/** A document with one annotation set, by alice. */
export function recordWith(
  text: string,
  spans: Span[],
  extra: Partial<DocumentRecord> = {},
): DocumentRecord {
  return {
    id: "doc-1",
    text,
    meta: {},
    annotations: [{ annotator: "alice", status: "submitted", spans }],
    ...extra,
  };
}

/** What each span covers, as `label:tokens`: comparable across formats that rejoin tokens with spaces. */
export function tokensCoveredBy(record: DocumentRecord, annotation = 0): string[] {
  const spans = record.annotations[annotation]?.spans ?? [];
  return spans.map((span) => {
    const tokens = tokenize(record.text.slice(span.start, span.end)).map((token) => token.text);
    return `${span.label}:${tokens.join(" ")}`;
  });
}

/** Code point offsets of the `occurrence`-th `needle`. */
export function codePoints(text: string, needle: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" is not in "${text}"`);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...needle].length, utf16Start: at, utf16End: at + needle.length };
}

/** The first `needle` as a labelled span in code points, as Python's text.find would give it. */
export function codePointSpan(text: string, needle: string, label: string) {
  const { start, end } = codePoints(text, needle);
  return { start, end, label };
}

/** Code point spans as the fixtures README lists them: [start, end, label, text]. */
export function codePointSpans(record: DocumentRecord, annotation = 0) {
  const chars = [...record.text];
  const spans = record.annotations[annotation]?.spans ?? [];
  return spans.map((span) => {
    const start = [...record.text.slice(0, span.start)].length;
    const end = start + [...record.text.slice(span.start, span.end)].length;
    return [start, end, span.label, chars.slice(start, end).join("")] as const;
  });
}

/** 1-based number of the line of `content` holding the `occurrence`-th (0-based) `snippet`. */
export function lineContaining(content: string, snippet: string, occurrence = 0): number {
  const lines = content.split("\n");
  const numbers = lines.flatMap((line, i) => (line.includes(snippet) ? [i + 1] : []));
  return present(numbers[occurrence]);
}
