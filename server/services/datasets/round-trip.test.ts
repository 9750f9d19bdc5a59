import { describe, expect, it } from "vitest";
import type { ExportFormatName, ImportFormatName } from "@/domain/formats/catalog";
import { noDetailCounts } from "@/domain/formats/record-details";
import { describeDetailsLeftOut } from "@/domain/formats/writers/export-format";
import { readFixture, type FixtureName } from "@/domain/test-support/fixtures";
import { openTestDatabase } from "@/db/test-support/test-database";
import { createProject } from "../projects";
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
  onlyFile,
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

describe("brat relations, events, attributes, notes, equivalences and fragments through the database", () => {
  const brat = Object.fromEntries(
    [
      "brat_news_000-introduction.txt",
      "brat_news_000-introduction.ann",
      "brat_scienceie_S0167931713005042.txt",
      "brat_scienceie_S0167931713005042.ann",
    ].map((name) => [name, readFixture(name as FixtureName)]),
  );
  // ScienceIE nests spans ("vapour" inside "chemical vapour deposition").
  const overlapDb = async (...slugs: string[]) => {
    const db = await openTestDatabase();
    for (const slug of slugs)
      await createProject(db, { slug, name: slug, labels: [], allowOverlap: true });
    return db;
  };

  it("imports them all, creating their types, and gives them back in native JSONL and brat", async () => {
    const db = await overlapDb("first", "second", "third");
    const summary = await importTexts(db, "first", "brat", brat);
    expect(summary).toMatchObject({
      documents: 2,
      spans: 7 + 26,
      // News: 4 event arguments, 2 R; ScienceIE: 4 equivalences.
      relations: 10,
      attributes: 5,
      // An AnnotatorNotes line and a normalization.
      notes: 2,
      fragments: 1,
      leftOut: [],
    });
    expect(summary.relationTypesCreated).toEqual([
      "Transfer-money:Giver-Arg",
      "Transfer-money:Money-Arg",
      "Transfer-money:Beneficiary-Arg",
      "Transfer-money:Recipient-Arg",
      "Origin",
      "Family",
      "Synonym-of",
    ]);
    expect(summary.attributesCreated).toEqual([
      "Transfer-money.Confidence",
      "Person.Mention",
      "Person.Individual",
    ]);

    const jsonl = onlyFile((await exportTexts(db, "first", "jsonl")).files);
    await importTexts(db, "second", "jsonl", { "in.jsonl": jsonl });
    expect(onlyFile((await exportTexts(db, "second", "jsonl")).files)).toBe(jsonl);

    const exported = await exportTexts(db, "first", "brat");
    expect(exported.summary.detailsLeftOut).toEqual(noDetailCounts());
    expect(exported.files["annotation.conf"]).toContain(
      "Synonym-of\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive",
    );
    const { "annotation.conf": conf, ...pairs } = exported.files;
    expect(conf).toBeDefined();
    await importTexts(db, "third", "brat", pairs);
    expect(onlyFile((await exportTexts(db, "third", "jsonl")).files)).toBe(jsonl);
  });

  it.each([
    {
      format: "conll" as const,
      leftOut: { relations: 10, attributes: 5, notes: 2, fragments: 0, documentLabels: 0 },
    },
    {
      format: "doccano" as const,
      leftOut: { relations: 0, attributes: 5, notes: 2, fragments: 0, documentLabels: 0 },
    },
    {
      format: "labelstudio" as const,
      leftOut: { relations: 0, attributes: 5, notes: 0, fragments: 0, documentLabels: 0 },
    },
  ])(
    "$format counts what it cannot hold, and the discontinuous span it split",
    async ({ format, leftOut }) => {
      const db = await overlapDb("first");
      await importTexts(db, "first", "brat", brat);
      const { summary } = await exportTexts(db, "first", format);
      expect(summary.detailsLeftOut).toEqual(leftOut);
      expect(summary.discontinuousSpans).toBe(1);
      expect(describeDetailsLeftOut(summary)).toContain(
        "1 discontinuous span written as separate spans: the format cannot hold their fragments",
      );
    },
  );

  it("refuses a relation naming a missing entity, with file, line and text, importing nothing", async () => {
    const db = await overlapDb("first");
    const broken = {
      ...brat,
      "brat_news_000-introduction.ann": `${brat["brat_news_000-introduction.ann"]}R9\tOrigin Arg1:T6 Arg2:T77\n`,
    };
    await expect(importTexts(db, "first", "brat", broken)).rejects.toThrow(
      'brat_news_000-introduction.ann: line 18, field "args": T77 is not an annotation of this document, in "R9\tOrigin Arg1:T6 Arg2:T77"',
    );
    expect(await storedTexts(db, "first")).toEqual([]);
  });
});
