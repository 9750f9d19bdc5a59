import { describe, expect, it } from "vitest";
import { readFixture } from "../test-support/fixtures";
import {
  expectInputError,
  recordWith,
  sampleRecord,
  spanOf,
  tokensCoveredBy,
} from "../test-support/format-records";
import { present } from "../test-support/lists";
import { readConll } from "./conll";
import { hfTagNames, parseHfTagNames, readHf, writeHf } from "./hf";

describe("writeHf", () => {
  it("round-trips spans through sentence examples and labels.json (emoji, CJK and combining marks first)", () => {
    const record = sampleRecord();
    const written = writeHf([record]);
    expect(written).toMatchObject({ unalignedSpans: 0, overlappingSpans: 0 });
    expect(JSON.parse(written.labelsJson)).toEqual(["O", "B-LOC", "I-LOC", "B-PER", "I-PER"]);
    const examples = readHf(written.content, written.labelsJson);
    expect(examples.map((example) => example.id)).toEqual(["doc-1-0", "doc-1-1"]);
    expect(examples.flatMap((example) => tokensCoveredBy(example))).toEqual(
      tokensCoveredBy(record),
    );
  });

  it("writes one example per document on request, tag ids following the labels given", () => {
    const text = "Ann saw New York.\nBye";
    const record = recordWith(text, [spanOf(text, "Ann", "PER"), spanOf(text, "New York", "LOC")], {
      id: null,
    });
    const written = writeHf([record], { unit: "document", labels: ["PER", "LOC", "ORG"] });
    expect(written.content).toBe(
      '{"id":"0","tokens":["Ann","saw","New","York",".","Bye"],"ner_tags":[1,0,3,4,0,0]}\n',
    );
    expect(JSON.parse(written.labelsJson)).toEqual(hfTagNames(["PER", "LOC", "ORG"]));
    const [example] = readHf(written.content, written.labelsJson, { annotator: "alice" });
    expect(example?.text).toBe("Ann saw New York . Bye");
    expect(tokensCoveredBy(present(example))).toEqual(["PER:Ann", "LOC:New York"]);
  });

  it("refuses a span label missing from the labels given", () => {
    expect(() => writeHf([sampleRecord()], { labels: ["PER"] })).toThrow(/"LOC" is not among/);
  });

  it("agrees with the CoNLL reader on the spaCy CoNLL-2003 sample", () => {
    const [document] = readConll(readFixture("spacy_ner-token-per-line-conll2003.iob")).documents;
    const written = writeHf([present(document)], { unit: "document" });
    const [example] = readHf(written.content, written.labelsJson);
    expect(tokensCoveredBy(present(example))).toEqual(tokensCoveredBy(present(document)));
  });
});

describe("readHf", () => {
  it("takes tag names as well as ids, and reads labels.json's B-/I- names", () => {
    const [example] = readHf('{"tokens": ["Ann", "Lee"], "ner_tags": ["B-PER", "I-PER"]}\n');
    expect(tokensCoveredBy(present(example))).toEqual(["PER:Ann Lee"]);
    expect(parseHfTagNames('["O", "B-PER", "I-PER"]')).toEqual([
      { prefix: "O" },
      { prefix: "B", label: "PER" },
      { prefix: "I", label: "PER" },
    ]);
  });

  const labels = '["O", "B-PER", "I-PER"]';
  const line = (example: unknown) =>
    `{"tokens": ["a"], "ner_tags": [0]}\n${JSON.stringify(example)}\n`;

  it.each([
    {
      name: "invalid JSON",
      content: '{"tokens": ["a"], "ner_tags": [0]}\n{"tokens": [',
      field: null,
    },
    { name: "missing tokens", content: line({ ner_tags: [] }), field: "tokens" },
    {
      name: "fewer tags than tokens",
      content: line({ tokens: ["a", "b"], ner_tags: [0] }),
      field: "ner_tags",
    },
    {
      name: "an empty token",
      content: line({ tokens: ["a", ""], ner_tags: [0, 0] }),
      field: "tokens[1]",
    },
    {
      name: "a tag id past labels.json",
      content: line({ tokens: ["a"], ner_tags: [3] }),
      field: "ner_tags[0]",
    },
    {
      name: "a malformed tag name",
      content: line({ tokens: ["a"], ner_tags: ["PER"] }),
      field: "ner_tags[0]",
    },
  ])("reports $name with its line and field", ({ content, field }) => {
    expectInputError(() => readHf(content, labels), 2, field);
  });

  it("reports tag ids without labels.json, and a bad name in labels.json at its line", () => {
    expectInputError(() => readHf('{"tokens": ["a"], "ner_tags": [0]}'), 1, "ner_tags[0]");
    expectInputError(() => parseHfTagNames('[\n  "O",\n  "B-O"\n]'), 3, "[1]");
  });
});
