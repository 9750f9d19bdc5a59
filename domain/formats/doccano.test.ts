import { describe, expect, it } from "vitest";
import { readFixture, type FixtureName } from "../test-support/fixtures";
import { codePointSpans, expectInputError, sampleRecord } from "../test-support/format-records";
import { present } from "../test-support/lists";
import { parseDoccanoRecord, readDoccano } from "./doccano";
import { writeDoccano } from "./doccano-write";
import { splitLines } from "./line-splitter";

const readFile = (name: FixtureName) => readDoccano(readFixture(name));

describe("readDoccano on the shared fixtures", () => {
  it("reads the basic [start, end, label] lists", () => {
    const { documents, skipped } = readFile("doccano_sequence_labeling_example.jsonl");
    expect(skipped).toEqual([]);
    expect(documents.map((document) => codePointSpans(document))).toEqual([
      [
        [0, 2, "ORG", "EU"],
        [11, 17, "MISC", "German"],
      ],
      [[0, 15, "PERSON", "Peter Blackburn"]],
      [[10, 15, "PERSON", "Obama"]],
    ]);
    expect(documents[0]?.annotations[0]).toMatchObject({
      annotator: "doccano",
      status: "submitted",
    });
  });

  it("reports the line with no text, and reads the lines before it with their meta", () => {
    const content = readFixture("doccano_import_test_example.jsonl");
    const error = expectInputError(() => readDoccano(content), 3, "text");
    expect(error.reason).toBe("is required but missing");
    const [first, second] = splitLines(content)
      .slice(0, 2)
      .map((line, i) => parseDoccanoRecord(line, i + 1).document);
    expect(codePointSpans(present(first))).toEqual([[0, 1, "LOC", "e"]]);
    expect(first?.meta).toEqual({ wikiPageID: 1 });
    // An empty label list is an annotation that found nothing, not a missing one.
    expect(second?.annotations).toEqual([{ annotator: "doccano", status: "submitted", spans: [] }]);
  });

  it("keeps a span given twice once, as Concord's spans are a set", () => {
    const [document] = readFile("doccano_import_test_overlapping.jsonl").documents;
    expect(codePointSpans(present(document))).toEqual([[0, 1, "LOC", "e"]]);
  });

  it("reads triples under entities, keeping offsets as given, and cats as document labels", () => {
    const { documents } = readFile("doccano_intent_detection_example.jsonl");
    expect(codePointSpans(present(documents[0]))).toEqual([
      [0, 26, "City", "Find a flight from Memphis"],
      [30, 36, "City", "Tacoma"],
    ]);
    expect(codePointSpans(present(documents[1]))).toEqual([[36, 47, "City", "Los Angeles"]]);
    expect(documents[1]?.meta).toEqual({});
    expect(documents.map((d) => d.annotations[0]?.documentLabels)).toEqual([
      { category: ["flight"] },
      { category: ["airport"] },
    ]);
    const again = readDoccano(writeDoccano(documents, { offsets: "code-points" })).documents;
    expect(again).toEqual(documents);
  });

  it("reads text classification's label list as document labels", () => {
    const [document] = readDoccano('{"text": "great", "label": ["positive", "short"]}\n').documents;
    expect(document?.annotations).toEqual([
      {
        annotator: "doccano",
        status: "submitted",
        spans: [],
        documentLabels: { category: ["positive", "short"] },
      },
    ]);
  });

  const relationSpans = [
    [0, 6, "ORG", "Google"],
    [22, 39, "DATE", "September 4, 1998"],
    [44, 54, "PERSON", "Larry Page"],
    [59, 70, "PERSON", "Sergey Brin"],
  ];

  const relationTriples = [
    ["Google", "foundedAt", "September 4, 1998"],
    ["Google", "foundedBy", "Larry Page"],
    ["Google", "foundedBy", "Sergey Brin"],
  ];

  it.each([
    "doccano_relation_extraction_import_example.jsonl" as const,
    // A .jsonl file that is one pretty-printed object.
    "doccano_relation_extraction_export_example.jsonl" as const,
  ])("reads %s: entities with ids and the relations naming them", (name) => {
    const { documents, skipped } = readFile(name);
    expect(skipped).toEqual([]);
    expect(documents).toHaveLength(1);
    const document = present(documents[0]);
    expect(codePointSpans(document)).toEqual(relationSpans);
    const quote = (span: { start: number; end: number }) =>
      document.text.slice(span.start, span.end);
    const relations = document.annotations[0]?.relations ?? [];
    expect(relations.map((r) => [quote(r.source), r.type, quote(r.target)])).toEqual(
      relationTriples,
    );
    const written = writeDoccano(documents);
    expect(JSON.parse(written)).toMatchObject({
      entities: [{ id: 0, label: "ORG", start_offset: 0, end_offset: 6 }, {}, {}, {}],
      relations: [
        { id: 0, from_id: 0, to_id: 1, type: "foundedAt" },
        { id: 1, from_id: 0, to_id: 2, type: "foundedBy" },
        { id: 2, from_id: 0, to_id: 3, type: "foundedBy" },
      ],
    });
    expect(readDoccano(written).documents).toEqual(documents);
  });

  it("reads the 1.x tutorial export spread over 4 lines: labels, doc_id and username", () => {
    const [document] = readFile("doccano_tutorial_export_labels.json").documents;
    expect(document?.id).toBe("33");
    expect(document?.annotations.map((annotation) => annotation.annotator)).toEqual(["admin"]);
    const spans = codePointSpans(present(document));
    expect(spans).toHaveLength(18);
    expect(spans[0]).toEqual([0, 36, "Title", "The Hitchhiker's Guide to the Galaxy"]);
    expect(spans[17]).toEqual([334, 346, "Genre", "feature film"]);
  });

  it("reads text-only CJK lines without annotations", () => {
    const { documents } = readFile("doccano_tutorial_import.jsonl");
    expect(documents.map((document) => [[...document.text].length, document.annotations])).toEqual([
      [347, []],
      [251, []],
      [171, []],
    ]);
    expect(documents[1]?.text.startsWith("《三体》是中国大陆作家刘")).toBe(true);
  });

  it("refuses doccano <= 1.2 integer label ids unless told their names, then groups spans by user", () => {
    const content = readFixture("doccano_legacy_download_sequence_labeling.jsonl");
    const error = expectInputError(() => readDoccano(content), 1, "annotations[0].label");
    expect(error.reason).toMatch(/label id 2.*labelIds/);
    const { documents } = readDoccano(content, { labelIds: { 1: "PERSON", 2: "ORG" } });
    expect(documents.map((document) => [document.id, document.annotations[0]?.annotator])).toEqual([
      ["1", "user-1"],
      ["2", "user-1"],
      ["3", "user-1"],
    ]);
    expect(codePointSpans(present(documents[2]))).toEqual([[10, 15, "PERSON", "Obama"]]);
  });
});

describe("readDoccano", () => {
  it("counts UTF-16 code units, as doccano's browser does, unless told code points", () => {
    // 👍🏽 is 2 code points but 4 UTF-16 units.
    const utf16 = readDoccano(JSON.stringify({ text: "👍🏽 Ana", label: [[5, 8, "PER"]] }));
    expect(codePointSpans(present(utf16.documents[0]))).toEqual([[3, 6, "PER", "Ana"]]);
    const codePoints = readDoccano(JSON.stringify({ text: "👍🏽 Ana", label: [[3, 6, "PER"]] }), {
      offsets: "code-points",
    });
    expect(codePoints.documents[0]?.annotations).toEqual(utf16.documents[0]?.annotations);
  });

  const multiLine =
    '{"text": "abc",\n "entities": [\n  {"start_offset": 0,\n   "end_offset": 9,\n   "label": "X"}]}';

  it.each([
    { name: "invalid JSON", content: '{"text": "a"}\n{"text": }', line: 2, field: null },
    { name: "a JSON array", content: "[1, 2]", line: 1, field: null },
    { name: "text that is not a string", content: '{"text": 5}', line: 1, field: "text" },
    {
      name: "a label that is not a list",
      content: '{"text": "a", "label": "X"}',
      line: 1,
      field: "label",
    },
    {
      name: "a triple of two",
      content: '{"text": "ab", "label": [[0, 1]]}',
      line: 1,
      field: "label[0]",
    },
    {
      name: "an end past the text",
      content: '{"text": "ab", "label": [[0, 3, "X"]]}',
      line: 1,
      field: "label[0][1]",
    },
    {
      name: "start after end",
      content: '{"text": "ab", "label": [[2, 1, "X"]]}',
      line: 1,
      field: "label[0][0]",
    },
    {
      name: "the reserved label O",
      content: '{"text": "ab", "labels": [[0, 1, "O"]]}',
      line: 1,
      field: "labels[0][2]",
    },
    {
      name: "a relation naming an entity the record lacks",
      content:
        '{"text": "ab", "entities": [{"id": 1, "start_offset": 0, "end_offset": 1, "label": "X"}], "relations": [{"from_id": 1, "to_id": 9, "type": "r"}]}',
      line: 1,
      field: "relations[0].to_id",
    },
    {
      name: "meta that is not an object",
      content: '{"text": "a", "meta": 3}',
      line: 1,
      field: "meta",
    },
    { name: "an empty id", content: '{"id": "", "text": "a"}', line: 1, field: "id" },
    {
      name: "a bad offset in a multi-line object",
      content: multiLine,
      line: 4,
      field: "entities[0].end_offset",
    },
  ])("reports $name with its line and field", ({ content, line, field }) => {
    expectInputError(() => readDoccano(content), line, field);
  });
});

describe("writeDoccano", () => {
  it("round-trips spans, id and meta in UTF-16 units (emoji, CJK and combining marks first)", () => {
    const record = sampleRecord();
    const content = writeDoccano([record]);
    const line = JSON.parse(content) as { label: [number, number, string][] };
    expect(line.label[0]).toEqual([8, 11, "PER"]); // "Ana" after "é 👍🏽 ": 6 code points, 8 units
    const [document] = readDoccano(content, { annotator: "alice" }).documents;
    expect(document).toEqual(record);
  });
});

describe("writeDoccano with code points", () => {
  it("writes Python offsets and says so, and the reader follows the record over its option", () => {
    const record = sampleRecord();
    const content = writeDoccano([record], { offsets: "code-points" });
    const line = JSON.parse(content) as { label: [number, number, string][]; offsets: string };
    expect(line.offsets).toBe("code-points");
    expect(line.label[0]).toEqual([6, 9, "PER"]);
    const [document] = readDoccano(content, { annotator: "alice", offsets: "utf-16" }).documents;
    expect(document).toEqual(record);
  });

  it("refuses an offsets key that names no unit", () => {
    expectInputError(() => readDoccano('{"text": "a", "offsets": "bytes"}'), 1, "offsets");
  });
});
