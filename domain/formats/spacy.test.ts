import { describe, expect, it } from "vitest";
import { readFixture } from "../test-support/fixtures";
import {
  codePointSpans,
  expectInputError,
  lineContaining,
  sampleRecord,
} from "../test-support/format-records";
import { present } from "../test-support/lists";
import { readConll } from "./conll";
import { readSpacy, writeSpacy } from "./spacy";
import { readSpacyV2Json } from "./spacy-v2";

describe("readSpacyV2Json on the shared fixture", () => {
  it("reads BILUO tags into the README's spans, over the same text as the CoNLL sample", () => {
    const [document] = readSpacyV2Json(readFixture("spacy_ner-token-per-line-conll2003.json"));
    expect(document?.id).toBe("0");
    expect(codePointSpans(present(document))).toEqual([
      [5, 20, "PERSON", "Sebastian Thrun"],
      [63, 69, "ORG", "Google"],
      [73, 77, "DATE", "2007"],
      [178, 186, "NORP", "American"],
      [279, 284, "PERSON", "Thrun"],
      [308, 314, "ORG", "Recode"],
      [315, 332, "DATE", "earlier this week"],
    ]);
    const [fromConll] = readConll(readFixture("spacy_ner-token-per-line-conll2003.iob")).documents;
    expect(document?.text).toBe(fromConll?.text);
  });

  const v2 = (ner: unknown) =>
    JSON.stringify(
      [{ id: 1, paragraphs: [{ sentences: [{ tokens: [{ orth: "Ann", ner }] }] }] }],
      null,
      2,
    );

  it.each([
    { name: "a document list that is an object", content: "{}", line: 1, field: null },
    {
      name: "a missing paragraphs list",
      content: '[\n  {"id": 1}\n]',
      line: 2,
      field: "[0].paragraphs",
    },
    {
      name: "an unknown tag",
      content: v2("X-PER"),
      line: '"ner"',
      field: "[0].paragraphs[0].sentences[0].tokens[0].ner",
    },
    {
      name: "a tag that is not a string",
      content: v2(3),
      line: '"ner"',
      field: "[0].paragraphs[0].sentences[0].tokens[0].ner",
    },
  ])("reports $name with its line and field", ({ content, line, field }) => {
    const lineNumber = typeof line === "number" ? line : lineContaining(content, line);
    expectInputError(() => readSpacyV2Json(content), lineNumber, field);
  });
});

describe("readSpacy and writeSpacy", () => {
  it("round-trips spans as code points (emoji, CJK and combining marks first)", () => {
    const record = sampleRecord();
    const content = writeSpacy([record]);
    const line = JSON.parse(content) as { ents: unknown[] };
    expect(line.ents[0]).toEqual([6, 9, "PER"]); // "Ana" after "é 👍🏽 ", 6 code points
    expect(readSpacy(content, { annotator: "alice" })).toEqual([record]);
  });

  it("reads Doc.to_json's {start, end, label} entities, and lines without ents as unannotated", () => {
    const content = [
      JSON.stringify({ text: "👍🏽 Ana", ents: [{ start: 3, end: 6, label: "PER" }], tokens: [] }),
      "",
      JSON.stringify({ text: "plain" }),
    ].join("\n");
    const [first, second] = readSpacy(content);
    expect(codePointSpans(present(first))).toEqual([[3, 6, "PER", "Ana"]]);
    expect(first?.annotations[0]?.annotator).toBe("spacy");
    expect(second?.annotations).toEqual([]);
  });

  const line = (record: unknown) => `{"text": "ok"}\n${JSON.stringify(record)}\n`;

  it.each([
    { name: "invalid JSON", content: '{"text": "ok"}\n{"text": ', field: null },
    { name: "a missing text", content: line({ ents: [] }), field: "text" },
    { name: "ents that are not a list", content: line({ text: "a", ents: {} }), field: "ents" },
    {
      name: "an entity of two numbers",
      content: line({ text: "ab", ents: [[0, 1]] }),
      field: "ents[0]",
    },
    {
      name: "an end past the text in code points",
      content: line({ text: "👍🏽", ents: [[0, 3, "X"]] }),
      field: "ents[0][1]",
    },
    {
      name: "a label that is not a string",
      content: line({ text: "ab", ents: [{ start: 0, end: 1, label: 5 }] }),
      field: "ents[0].label",
    },
    { name: "meta that is not an object", content: line({ text: "a", meta: [] }), field: "meta" },
  ])("reports $name with its line and field", ({ content, field }) => {
    expectInputError(() => readSpacy(content), 2, field);
  });
});

describe("spaCy cats", () => {
  it("reads Doc.cats scoring at least 0.5 as document labels, and writes them back", () => {
    const line =
      '{"id": "t1", "text": "Rain again.", "ents": [], "cats": {"weather": 0.9, "sports": 0.1, "news": 0.5}}';
    const [record] = readSpacy(line);
    expect(record?.annotations).toEqual([
      {
        annotator: "spacy",
        status: "submitted",
        spans: [],
        documentLabels: { category: ["weather", "news"] },
      },
    ]);
    const written = writeSpacy(readSpacy(line));
    expect(JSON.parse(written)).toMatchObject({ cats: { weather: 1, news: 1 } });
    expect(readSpacy(written)).toEqual(readSpacy(line));
  });

  it("refuses a score that is not a number, naming the line and field", () => {
    expectInputError(() => readSpacy('{"text": "a", "cats": {"x": "yes"}}'), 1, "cats.x");
  });
});
