// Test support: reading fixture files needs node:fs, which only domain/test-support/ may import.
import { readFileSync } from "node:fs";
import { parseJsonlRecord, type DocumentRecord } from "../formats/jsonl";

/**
 * Short news sentences in Arabic, Hebrew, Chinese, Japanese, Hindi, Russian and English, each
 * with its `meta.lang`, entity spans in code points, and the characters that are easy to cut: a
 * flag, a family emoji, accents written as combining marks, a Devanagari nukta.
 */
export function sevenScriptsJsonl(): string {
  return readFileSync(new URL("./seven-scripts.jsonl", import.meta.url), "utf8");
}

export function sevenScriptDocuments(): DocumentRecord[] {
  return sevenScriptsJsonl()
    .trimEnd()
    .split("\n")
    .map((line, i) => parseJsonlRecord(line, i + 1));
}

/** Every offset where a span may start or end, by segmenting the whole text. */
export function graphemeBoundaries(text: string): Set<number> {
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return new Set([...Array.from(segmenter.segment(text), (s) => s.index), text.length]);
}
