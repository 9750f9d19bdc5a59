import { describe, expect, it } from "vitest";
import { readFixture } from "../test-support/fixtures";
import {
  codePointSpans,
  expectInputError,
  lineContaining,
  sampleRecord,
  spanOf,
} from "../test-support/format-records";
import { present } from "../test-support/lists";
import { readLabelStudio } from "./labelstudio";
import {
  formatLabelStudioConfig,
  formatLabelStudioTask,
  writeLabelStudio,
} from "./labelstudio-write";

const february = [[343, 354, "Date", "February 22"]];

describe("readLabelStudio on the shared fixtures", () => {
  it("reads one task object with one annotation", () => {
    const { documents, skipped } = readLabelStudio(
      readFixture("labelstudio_named_entity_annotations.json"),
    );
    expect(skipped).toEqual([]);
    expect(documents).toHaveLength(1);
    const document = present(documents[0]);
    expect(document.id).toBe("1");
    expect(document.meta).toEqual({});
    expect(document.annotations.map(({ annotator, status }) => [annotator, status])).toEqual([
      ["labelstudio", "submitted"],
    ]);
    expect(codePointSpans(document)).toEqual(february);
  });

  it("reads a list of tasks with predictions only, named by model version and left in progress", () => {
    const { documents } = readLabelStudio(
      readFixture("labelstudio_named_entity_tasks_predictions.json"),
    );
    const document = present(documents[0]);
    expect(document.id).toBeNull();
    expect(document.annotations.map(({ annotator, status }) => [annotator, status])).toEqual([
      ["model 1", "in_progress"],
    ]);
    expect(codePointSpans(document)).toEqual(february);
  });

  it("reads Label Studio 0.x completions", () => {
    const { documents } = readLabelStudio(readFixture("labelstudio_legacy_completions.json"));
    expect(codePointSpans(present(documents[0]))).toEqual(february);
  });

  it("reads a real user's 38 unsorted spans, one with a leading space, in a text starting with one", () => {
    const { documents } = readLabelStudio(
      readFixture("labelstudio_legacy_completion_348_ingredients.json"),
    );
    const document = present(documents[0]);
    expect(document.id).toBe("348");
    expect(document.text.startsWith(" -Antioxidant")).toBe(true);
    const spans = codePointSpans(document);
    expect(spans).toHaveLength(38);
    expect(spans[0]).toEqual([107, 119, "INGREDIENT", "Aqua (Water)"]);
    expect(spans).toContainEqual([718, 735, "INGREDIENT", " Polyquaternium-7"]);
    expect(spans).toContainEqual([221, 232, "INGREDIENT", "Fragrance),"]);
    expect(spans.at(-1)).toEqual([910, 918, "INGREDIENT", "Limonene"]);
  });
});

const text = "👍🏽 Ana met Bob and more";
const labelResult = (start: number, end: number, labels: unknown[] = ["PER"], extra = {}) => ({
  type: "labels",
  value: { start, end, labels, ...extra },
});
const task = (annotations: unknown[], extra = {}) => ({ data: { text }, annotations, ...extra });
const pretty = (value: unknown) => JSON.stringify(value, null, 2);

describe("readLabelStudio", () => {
  it("names annotators by completed_by: an email, or user-<id> for a bare id", () => {
    const content = pretty([
      task([
        { completed_by: { id: 7, email: "ann@example.org" }, result: [labelResult(3, 6)] },
        { completed_by: 12, result: [] },
      ]),
    ]);
    const [document] = readLabelStudio(content).documents;
    expect(document?.annotations.map((annotation) => annotation.annotator)).toEqual([
      "ann@example.org",
      "user-12",
    ]);
    expect(codePointSpans(present(document))).toEqual([[3, 6, "PER", "Ana"]]);
  });

  it("reports results that are not text spans and cancelled annotations at their lines", () => {
    const content = pretty(
      task([
        { result: [labelResult(3, 6), { type: "rating", value: { rating: 4 } }] },
        { completed_by: 2, was_cancelled: true, result: [] },
      ]),
    );
    const { documents, skipped } = readLabelStudio(content);
    expect(codePointSpans(present(documents[0]))).toEqual([[3, 6, "PER", "Ana"]]);
    // A skipped value is located where it opens, one line above its first key.
    expect(skipped).toEqual([
      {
        line: lineContaining(content, '"rating"') - 1,
        field: "annotations[0].result[1]",
        reason: 'a result of type "rating" has no place in Concord',
      },
      {
        line: lineContaining(content, '"completed_by": 2') - 1,
        field: "annotations[1]",
        reason: expect.stringMatching(/cancelled/),
      },
    ]);
  });

  // None of the shared fixtures holds relation or choices results: this is the shape Label Studio
  // 1.x exports for a "Relation Extraction" + "Text Classification" labelling config.
  const relationExport = {
    id: 41,
    data: { text: "Ann met Bob in Paris." },
    annotations: [
      {
        completed_by: { id: 1, email: "ann@example.org" },
        result: [
          {
            id: "a1",
            from_name: "label",
            to_name: "text",
            type: "labels",
            value: { start: 0, end: 3, text: "Ann", labels: ["PER"] },
            meta: { text: ["the host"] },
          },
          {
            id: "b2",
            from_name: "label",
            to_name: "text",
            type: "labels",
            value: { start: 8, end: 11, text: "Bob", labels: ["PER"] },
          },
          {
            id: "c3",
            from_name: "label",
            to_name: "text",
            type: "labels",
            value: { start: 15, end: 20, text: "Paris", labels: ["LOC"] },
          },
          { from_id: "a1", to_id: "b2", type: "relation", direction: "right", labels: ["met"] },
          { from_id: "c3", to_id: "b2", type: "relation", direction: "left", labels: ["in"] },
          { from_id: "a1", to_id: "c3", type: "relation", direction: "bi", labels: [] },
          {
            id: "s1",
            from_name: "sentiment",
            to_name: "text",
            type: "choices",
            value: { choices: ["Positive"] },
          },
        ],
      },
    ],
  };

  it("reads relation results (right, left, bi), choices as document labels and region notes", () => {
    const [document] = readLabelStudio(JSON.stringify([relationExport])).documents;
    const layer = present(document?.annotations[0]);
    const quote = (span: { start: number; end: number }) =>
      present(document).text.slice(span.start, span.end);
    expect(
      layer.relations?.map((r) => [quote(r.source), r.type, quote(r.target), r.directed]),
    ).toEqual([
      ["Ann", "met", "Bob", undefined],
      ["Bob", "in", "Paris", undefined],
      ["Ann", "relation", "Paris", false],
    ]);
    expect(layer.documentLabels).toEqual({ sentiment: ["Positive"] });
    expect(layer.spans.map((span) => span.note)).toEqual(["the host", undefined, undefined]);
    const again = readLabelStudio(writeLabelStudio([present(document)])).documents;
    expect(again[0]?.annotations[0]).toEqual({ ...layer, annotator: "ann@example.org" });
  });

  it("refuses a relation naming a region the result lacks", () => {
    const broken = structuredClone(relationExport);
    const result = present(broken.annotations[0]).result;
    result[3] = { ...result[3], from_id: "zz" } as (typeof result)[number];
    const content = pretty(broken);
    const error = expectInputError(
      () => readLabelStudio(content),
      lineContaining(content, '"zz"'),
      "annotations[0].result[3].from_id",
    );
    expect(error.reason).toBe('region "zz" is not in the result');
  });

  it("reads UTF-16 offsets of old exports when told, and says so when value.text gives them away", () => {
    const old = pretty(task([{ result: [labelResult(5, 8, ["PER"], { text: "Ana" })] }]));
    const error = expectInputError(
      () => readLabelStudio(old),
      lineContaining(old, '"text": "Ana"'),
      "annotations[0].result[0].value.text",
    );
    expect(error.reason).toMatch(/look like UTF-16 units/);
    const [document] = readLabelStudio(old, { offsets: "utf-16" }).documents;
    expect(codePointSpans(present(document))).toEqual([[3, 6, "PER", "Ana"]]);
  });

  it.each([
    { name: "invalid JSON", content: '[\n  {"data": }\n]', line: 2, field: null },
    { name: "a task that is not an object", content: "[\n  1\n]", line: 2, field: "[0]" },
    { name: "a task without data", content: pretty([{ id: 1 }]), line: 2, field: "[0].data" },
    {
      name: "data without text",
      content: pretty({ data: { title: "x" } }),
      line: 2,
      field: "data.text",
    },
    {
      name: "annotations that are not a list",
      content: pretty(task({} as never)),
      line: '"annotations"',
      field: "annotations",
    },
    {
      name: "an end past the text in code points",
      content: pretty(task([{ result: [labelResult(3, 24)] }])),
      line: '"end": 24',
      field: "annotations[0].result[0].value.end",
    },
    {
      name: "the reserved label O",
      content: pretty(task([{ result: [labelResult(3, 6, ["PER", "O"])] }])),
      line: '"O"',
      field: "annotations[0].result[0].value.labels[1]",
    },
    {
      name: "one annotator twice",
      content: pretty(
        task([
          { completed_by: 1, result: [] },
          { completed_by: 1, result: [] },
        ]),
      ),
      line: '"completed_by": 1',
      occurrence: 1,
      field: "annotations[1].completed_by",
    },
  ])("reports $name with its line and field", ({ content, line, field, occurrence }) => {
    const lineNumber = typeof line === "number" ? line : lineContaining(content, line, occurrence);
    expectInputError(() => readLabelStudio(content), lineNumber, field);
  });
});

describe("writeLabelStudio", () => {
  it("round-trips documents, annotators and statuses (emoji, CJK and combining marks first)", () => {
    const record = sampleRecord();
    record.annotations.push({
      annotator: "bob",
      status: "in_progress",
      spans: [spanOf(record.text, "Ana met", "EVENT")],
    });
    const content = writeLabelStudio([record]);
    expect(readLabelStudio(content)).toEqual({ documents: [record], skipped: [] });
  });

  it("writes code point offsets with the covered text, meta and id in data, no completed_by", () => {
    const [written] = JSON.parse(writeLabelStudio([sampleRecord()])) as {
      data: Record<string, unknown>;
      annotations: { completed_by?: unknown; result: { value: unknown }[] }[];
    }[];
    expect(written?.data).toMatchObject({ source: "chat", id: "doc-1" });
    expect(written?.annotations[0]?.completed_by).toBeUndefined();
    expect(written?.annotations[0]?.result[0]?.value).toEqual({
      start: 6,
      end: 9,
      text: "Ana",
      labels: ["PER"],
    });
  });

  it("writes a labelling config naming the labels, escaped", () => {
    expect(formatLabelStudioConfig(["PER", 'A&"B']).split("\n")).toEqual([
      "<View>",
      '  <Labels name="label" toName="text">',
      '    <Label value="PER"/>',
      '    <Label value="A&amp;&quot;B"/>',
      "  </Labels>",
      '  <Text name="text" value="$text"/>',
      "</View>",
      "",
    ]);
  });
});

describe("formatLabelStudioTask", () => {
  it("gives the elements of writeLabelStudio's list, so a streamed list is the same file", () => {
    const records = [sampleRecord(), { ...sampleRecord(), id: "doc-2" }];
    const streamed = `[\n  ${records.map((record) => formatLabelStudioTask(record)).join(",\n  ")}\n]\n`;
    expect(streamed).toBe(writeLabelStudio(records));
  });
});
