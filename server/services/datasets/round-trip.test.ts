import { describe, expect, it } from "vitest";
import type { ExportFormatName, ImportFormatName } from "@/domain/formats/catalog";
import {
  sampleBrat,
  sampleConll,
  sampleCovered,
  sampleCsv,
  sampleDoccano,
  sampleDocuments,
  sampleHf,
  sampleJsonl,
  sampleLabelStudio,
  sampleSpacy,
} from "../../test-support/sample-files";
import {
  exportTexts,
  freshDb,
  importTexts,
  storedSpans,
  storedTexts,
} from "../../test-support/datasets";

type Case = {
  format: ImportFormatName & ExportFormatName;
  files: Record<string, string>;
  annotator: string;
  /** Token formats rebuild texts from tokens joined by spaces, and HF keeps no document ids. */
  tokens?: boolean;
  /** Files the export does not hold but its import needs: the CSV export is the span table. */
  alongside?: Record<string, string>;
};

const cases: Case[] = [
  { format: "jsonl", files: { "in.jsonl": sampleJsonl() }, annotator: "alice" },
  { format: "doccano", files: { "in.jsonl": sampleDoccano() }, annotator: "doccano" },
  {
    format: "labelstudio",
    files: { "in.json": sampleLabelStudio() },
    annotator: "alice@example.org",
  },
  { format: "spacy", files: { "in.jsonl": sampleSpacy() }, annotator: "spacy" },
  { format: "brat", files: sampleBrat(), annotator: "brat" },
  {
    format: "csv",
    files: sampleCsv(),
    annotator: "alice",
    alongside: { "documents.csv": sampleCsv()["documents.csv"] },
  },
  { format: "conll", files: { "in.conll": sampleConll() }, annotator: "conll", tokens: true },
  { format: "hf", files: sampleHf(), annotator: "hf", tokens: true },
];

describe.each(cases)(
  "$format: import, export, import",
  ({ format, files, annotator, tokens, alongside }) => {
    it("reads the spans the file means, past emoji, CJK and combining marks", async () => {
      const db = await freshDb("first");
      const summary = await importTexts(db, "first", format, files);
      expect(summary).toMatchObject({ documents: 2, spans: sampleCovered.length, invalid: [] });
      const spans = await storedSpans(db, "first");
      expect(spans.map(([, who]) => who)).toEqual(sampleCovered.map(() => annotator));
      const covered = spans.map(([, , , text]) => String(text));
      // Token formats rebuild the text with a space between tokens, inside spans too.
      const squeeze = (texts: string[]) =>
        texts.map((text) => (tokens ? text.replaceAll(" ", "") : text));
      expect(squeeze(covered)).toEqual(squeeze(sampleCovered));
      if (!tokens)
        expect(await storedTexts(db, "first")).toEqual(sampleDocuments.map((d) => d.text));
    });

    it("gives the same spans when its own export is imported again", async () => {
      const db = await freshDb("first", "second");
      await importTexts(db, "first", format, files);
      const exported = await exportTexts(db, "first", format);
      expect(exported.summary).toMatchObject({
        documents: 2,
        unalignedSpans: 0,
        overlappingSpans: 0,
      });
      await importTexts(db, "second", format, { ...alongside, ...exported.files });
      const withoutIds = (rows: unknown[][]) => rows.map((row) => (tokens ? row.slice(1) : row));
      expect(withoutIds(await storedSpans(db, "second"))).toEqual(
        withoutIds(await storedSpans(db, "first")),
      );
      expect(await storedTexts(db, "second")).toEqual(await storedTexts(db, "first"));
    });
  },
);
