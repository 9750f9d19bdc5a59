import { describe, expect, it } from "vitest";
import {
  expectedFixtureFolder,
  fixtureFolderNames,
  readFixture,
  readFixtureCopy,
  readSharedFixture,
  type FixtureName,
} from "../test-support/fixtures";
import { readBrat } from "./brat";
import { readDoccano } from "./doccano";
import { formatJsonlRecord, parseJsonlRecord, type DocumentRecord } from "./jsonl";

// The format tests read copies committed under fixtures/, since CI clones this repository alone.
// A missing copy fails here by name, rather than leaving a reader untested; where the shared
// fixtures folder is present, the copies must still be byte-for-byte what it holds.
describe("fixture copies", () => {
  it.each(expectedFixtureFolder)("%s is committed", (name) => {
    const copy = readFixtureCopy(name);
    expect(copy, `fixture ${name} is missing from domain/formats/fixtures/`).not.toBeNull();
  });

  it("holds nothing the list does not name", () => {
    expect(fixtureFolderNames().sort()).toEqual([...expectedFixtureFolder].sort());
  });

  it.each(expectedFixtureFolder)("%s matches the shared fixture, when that is present", (name) => {
    const shared = readSharedFixture(name);
    if (shared !== null) expect(readFixtureCopy(name)).toBe(shared);
  });
});

// What the real files hold beyond spans survives native JSONL unchanged.
describe("native JSONL round trip of the fixtures' relations, attributes, notes and labels", () => {
  const brat = (name: string) =>
    readBrat(readFixture(`${name}.txt` as FixtureName), readFixture(`${name}.ann` as FixtureName), {
      id: name,
    }).document;
  const cases: { name: string; documents: () => DocumentRecord[] }[] = [
    { name: "brat news", documents: () => [brat("brat_news_000-introduction")] },
    { name: "brat ScienceIE", documents: () => [brat("brat_scienceie_S0167931713005042")] },
    ...(
      [
        "doccano_relation_extraction_import_example.jsonl",
        "doccano_relation_extraction_export_example.jsonl",
        "doccano_intent_detection_example.jsonl",
      ] as const
    ).map((name) => ({ name, documents: () => readDoccano(readFixture(name)).documents })),
  ];

  it.each(cases)("$name", ({ documents }) => {
    const read = documents();
    const details = read.flatMap((d) =>
      d.annotations.flatMap((a) => [
        ...(a.relations ?? []),
        ...Object.keys(a.documentLabels ?? {}),
        ...a.spans.filter((s) => s.attributes || s.note || s.fragments),
      ]),
    );
    expect(details.length).toBeGreaterThan(0);
    const lines = read.map(formatJsonlRecord);
    const reread = lines.map((line, i) => parseJsonlRecord(line, i + 1));
    // The writer sorts relations by their ends; everything else reads back as it was.
    const withoutRelations = (documents: DocumentRecord[]) =>
      documents.map((d) => ({
        ...d,
        annotations: d.annotations.map((a) => ({ ...a, relations: a.relations?.length })),
      }));
    expect(withoutRelations(reread)).toEqual(withoutRelations(read));
    expect(reread.map(formatJsonlRecord)).toEqual(lines);
  });
});
