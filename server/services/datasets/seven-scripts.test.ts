import { describe, expect, it } from "vitest";
import {
  graphemeBoundaries,
  sevenScriptDocuments,
  sevenScriptsJsonl,
} from "@/domain/test-support/seven-scripts";
import {
  exportTexts,
  freshDb,
  importError,
  importTexts,
  pythonSlice,
  storedSpans,
} from "../../test-support/datasets";

type ExportedSpan = { start: number; end: number; label: string };
type ExportedLine = {
  id: string;
  text: string;
  annotations: { spans: ExportedSpan[] }[];
};

describe("the seven-script documents", () => {
  it("come back from a JSONL round trip with the same spans, on whole characters", async () => {
    const db = await freshDb();
    const summary = await importTexts(db, "p", "jsonl", { "news.jsonl": sevenScriptsJsonl() });
    expect(summary.documents).toBe(7);

    const exported = (await exportTexts(db, "p", "jsonl")).files["data.jsonl"]
      ?.trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as ExportedLine);
    const source = new Map(sevenScriptDocuments().map((document) => [document.id, document]));
    expect(exported).toHaveLength(7);
    for (const line of exported ?? []) {
      const original = source.get(line.id);
      expect(line.text).toBe(original?.text);
      const boundaries = graphemeBoundaries(line.text);
      const codePointStarts = [...line.text].reduce<number[]>(
        (starts, char) => [...starts, (starts.at(-1) ?? 0) + char.length],
        [0],
      );
      const spans = line.annotations.flatMap((annotation) => annotation.spans);
      expect(spans.length).toBeGreaterThan(0);
      for (const span of spans) {
        const utf16 = { start: codePointStarts[span.start], end: codePointStarts[span.end] };
        expect(boundaries.has(utf16.start ?? -1) && boundaries.has(utf16.end ?? -1)).toBe(true);
        expect(pythonSlice(line.text, span.start, span.end)).toBe(
          line.text.slice(utf16.start, utf16.end),
        );
      }
    }
    expect((await storedSpans(db, "p")).map((span) => span[3])).toEqual(
      expect.arrayContaining(["乌克兰", "北京", "東京都", "Zoe\u0308 Martin", "दिल्ली", "בירושלים"]),
    );
  });
});

describe("spans that split a character", () => {
  const family = "👩‍👩‍👧";
  const text = `Met the ${family} in Buenos Aires 🇦🇷.`;
  const flag = text.indexOf("🇦🇷");
  // In code points the text starts "Met the " (8), so 8-9 is the first "👩" of the family.
  const line = (start: number, end: number) =>
    JSON.stringify({
      id: "d",
      text,
      annotations: [{ annotator: "amal", spans: [{ start, end, label: "PER" }] }],
    });
  const codePoint = (utf16: number) => [...text.slice(0, utf16)].length;

  it("refuse the document by default, naming file, line and text", async () => {
    const db = await freshDb();
    const content = `{"id": "a", "text": "fine"}\n${line(8, 9)}\n`;
    const error = await importError(() => importTexts(db, "p", "jsonl", { "in.jsonl": content }));
    expect(error.file).toBe("in.jsonl");
    expect(error.line).toBe(2);
    expect(error.field).toBe("annotations[0].spans[0]");
    expect(error.reason).toContain(`“👩” splits the character(s) “${family}”`);
  });

  it("are widened to whole characters with snap", async () => {
    const db = await freshDb();
    const start = codePoint(flag);
    const content = `${line(8, 9)}\n${line(start, start + 1).replace('"d"', '"e"')}\n`;
    const summary = await importTexts(
      db,
      "p",
      "jsonl",
      { "in.jsonl": content },
      { splitCharacters: "snap" },
    );
    expect(summary.documents).toBe(2);
    expect((await storedSpans(db, "p")).map((span) => span[3])).toEqual([family, "🇦🇷"]);
  });

  it("are refused from a UTF-16 file too", async () => {
    const db = await freshDb();
    const content = JSON.stringify({ text: "👍🏽 ok", label: [[0, 2, "PER"]] });
    const error = await importError(() => importTexts(db, "p", "doccano", { "in.jsonl": content }));
    expect(error.reason).toContain("“👍” splits the character(s) “👍🏽”");
  });
});
