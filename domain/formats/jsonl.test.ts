import { describe, expect, it } from "vitest";
import { catchInputError, codePointSpan } from "../test-support/format-records";
import { nth } from "../test-support/lists";
import { formatJsonlRecord, parseJsonlRecord } from "./jsonl";

const text = "e\u0301 👍🏽 Ana met 李雷 in 𠮷野家, Zoë said 🇫🇷.";
const needles = [
  ["Ana", "PER"],
  ["李雷", "PER"],
  ["𠮷野家", "LOC"],
  ["Zoë", "PER"],
  ["🇫🇷", "LOC"],
] as const;

describe("parseJsonlRecord", () => {
  it("converts code point offsets so that a JS slice picks the same text as a code point slice", () => {
    const spans = needles.map(([needle, label]) => codePointSpan(text, needle, label));
    const line = JSON.stringify({
      id: "doc-1",
      text,
      meta: { source: "chat", turn: 3 },
      annotations: [{ annotator: "alice", status: "in_progress", spans }],
    });

    const record = parseJsonlRecord(line, 1);

    expect(record.id).toBe("doc-1");
    expect(record.text).toBe(text);
    expect(record.meta).toEqual({ source: "chat", turn: 3 });
    expect(record.annotations).toHaveLength(1);
    const annotation = nth(record.annotations, 0);
    expect(annotation.annotator).toBe("alice");
    expect(annotation.status).toBe("in_progress");
    expect(annotation.spans).toHaveLength(needles.length);
    annotation.spans.forEach((span, i) => {
      const [needle, label] = nth(needles, i);
      const inFile = nth(spans, i);
      expect(span.label).toBe(label);
      expect(record.text.slice(span.start, span.end)).toBe(needle);
      expect([...text].slice(inFile.start, inFile.end).join("")).toBe(needle);
    });
    // Everything after the emoji moved by two UTF-16 units (👍 and 🏽 are each two units).
    const ana = nth(annotation.spans, 0);
    expect(ana.start - nth(spans, 0).start).toBe(2);
  });

  it("fills in defaults: no id is null, numeric ids become strings, status submitted, meta {}", () => {
    expect(parseJsonlRecord(JSON.stringify({ text: "hi" }), 1)).toEqual({
      id: null,
      text: "hi",
      meta: {},
      annotations: [],
    });
    const record = parseJsonlRecord(
      JSON.stringify({ id: 42, text: "hi", annotations: [{ annotator: "bob", spans: [] }] }),
      1,
    );
    expect(record.id).toBe("42");
    expect(record.annotations).toEqual([{ annotator: "bob", status: "submitted", spans: [] }]);
  });

  it("keeps identical spans once and sorts them", () => {
    const line = JSON.stringify({
      text: "Ana met Bob",
      annotations: [
        {
          annotator: "alice",
          spans: [
            { start: 8, end: 11, label: "PER" },
            { start: 0, end: 3, label: "PER" },
            { start: 8, end: 11, label: "PER" },
            { start: 0, end: 3, label: "ORG" },
          ],
        },
      ],
    });
    expect(nth(parseJsonlRecord(line, 1).annotations, 0).spans).toEqual([
      { start: 0, end: 3, label: "ORG" },
      { start: 0, end: 3, label: "PER" },
      { start: 8, end: 11, label: "PER" },
    ]);
  });

  it("accepts a span ending exactly at the end of the text, counted in code points", () => {
    // 4 code points, 6 UTF-16 units.
    const line = JSON.stringify({
      text: "👍🏽ab",
      annotations: [{ annotator: "a", spans: [{ start: 2, end: 4, label: "X" }] }],
    });
    const span = nth(nth(parseJsonlRecord(line, 1).annotations, 0).spans, 0);
    expect(span).toEqual({ start: 4, end: 6, label: "X" });
  });

  const withSpans = (spans: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({ text: "👍🏽ab", annotations: [{ annotator: "alice", spans }], ...extra });

  it.each([
    {
      name: "invalid JSON",
      line: '{"text": "unterminated',
      field: null,
      reason: /not valid JSON/,
    },
    { name: "a JSON array", line: "[1, 2]", field: null, reason: /expected a JSON object/ },
    { name: "a JSON number", line: "42", field: null, reason: /expected a JSON object/ },
    { name: "JSON null", line: "null", field: null, reason: /expected a JSON object/ },
    { name: "a JSON string", line: '"text"', field: null, reason: /expected a JSON object/ },
    {
      name: "missing text",
      line: JSON.stringify({ id: "a" }),
      field: "text",
      reason: /is required but missing/,
    },
    {
      name: "text that is not a string",
      line: JSON.stringify({ text: 5 }),
      field: "text",
      reason: /string/,
    },
    {
      name: "an empty id",
      line: JSON.stringify({ id: "", text: "x" }),
      field: "id",
      reason: /./,
    },
    {
      name: "annotation without spans",
      line: JSON.stringify({ text: "x", annotations: [{ annotator: "a" }] }),
      field: "annotations[0].spans",
      reason: /is required but missing/,
    },
    {
      name: "an unknown status",
      line: JSON.stringify({
        text: "x",
        annotations: [{ annotator: "a", status: "done", spans: [] }],
      }),
      field: "annotations[0].status",
      reason: /./,
    },
    {
      name: "a negative start",
      line: withSpans([{ start: -1, end: 2, label: "X" }]),
      field: "annotations[0].spans[0].start",
      reason: /./,
    },
    {
      name: "a fractional end",
      line: withSpans([{ start: 0, end: 1.5, label: "X" }]),
      field: "annotations[0].spans[0].end",
      reason: /./,
    },
    {
      // 5 is inside the UTF-16 length (6) but past the 4 code points.
      name: "an end past the text, counted in code points",
      line: withSpans([{ start: 0, end: 5, label: "X" }]),
      field: "annotations[0].spans[0].end",
      reason: /end 5 is past the end of the text \(4 code points\)/,
    },
    {
      name: "an end past the text in the second span",
      line: withSpans([
        { start: 0, end: 1, label: "X" },
        { start: 1, end: 40, label: "X" },
      ]),
      field: "annotations[0].spans[1].end",
      reason: /past the end/,
    },
    {
      name: "start equal to end",
      line: withSpans([{ start: 2, end: 2, label: "X" }]),
      field: "annotations[0].spans[0].start",
      reason: /start 2 must be less than end 2/,
    },
    {
      name: "start after end",
      line: withSpans([{ start: 3, end: 1, label: "X" }]),
      field: "annotations[0].spans[0].start",
      reason: /start 3 must be less than end 1/,
    },
    {
      name: 'the reserved label "O"',
      line: withSpans([{ start: 0, end: 1, label: "O" }]),
      field: "annotations[0].spans[0].label",
      reason: /reserved/,
    },
    {
      name: "a label with surrounding spaces",
      line: withSpans([{ start: 0, end: 1, label: " PER" }]),
      field: "annotations[0].spans[0].label",
      reason: /leading or trailing spaces/,
    },
    {
      name: "the same annotator twice",
      line: JSON.stringify({
        text: "x",
        annotations: [
          { annotator: "alice", spans: [] },
          { annotator: "bob", spans: [] },
          { annotator: "alice", spans: [] },
        ],
      }),
      field: "annotations[2].annotator",
      reason: /annotator "alice" appears twice/,
    },
  ])("reports $name with its line and field", ({ line, field, reason }) => {
    const error = catchInputError(() => parseJsonlRecord(line, 7));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.line).toBe(7);
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
    expect(error.message.startsWith(field ? `line 7, field "${field}": ` : "line 7: ")).toBe(true);
  });
});

describe("formatJsonlRecord", () => {
  it("gives back the file's code point offsets after parsing (emoji and combining marks first)", () => {
    const spans = needles.map(([needle, label]) => codePointSpan(text, needle, label));
    const input = {
      id: "doc-1",
      text,
      meta: { source: "chat" },
      annotations: [
        { annotator: "alice", status: "submitted", spans },
        { annotator: "bob", status: "in_progress", spans: [codePointSpan(text, "Ana met", "ORG")] },
      ],
    };

    const output = JSON.parse(formatJsonlRecord(parseJsonlRecord(JSON.stringify(input), 1)));

    expect(output).toEqual(input);
    // And Python-style slicing of the written text still finds the names.
    const chars = [...(output.text as string)];
    const written = output.annotations[0].spans as { start: number; end: number }[];
    expect(written.map((span) => chars.slice(span.start, span.end).join(""))).toEqual(
      needles.map(([needle]) => needle),
    );
  });

  it("writes a missing id as null and converts UTF-16 offsets to code points", () => {
    const line = formatJsonlRecord({
      id: null,
      text: "😀 Ana",
      meta: {},
      annotations: [
        { annotator: "a", status: "submitted", spans: [{ start: 3, end: 6, label: "PER" }] },
      ],
    });
    expect(JSON.parse(line)).toEqual({
      id: null,
      text: "😀 Ana",
      meta: {},
      annotations: [
        { annotator: "a", status: "submitted", spans: [{ start: 2, end: 5, label: "PER" }] },
      ],
    });
    expect(line).not.toContain("\n");
  });
});
