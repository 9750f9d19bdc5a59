import { describe, expect, it } from "vitest";
import {
  codePointSpans,
  expectInputError,
  recordWith,
  sampleRecord,
  spanOf,
} from "../test-support/format-records";
import { present } from "../test-support/lists";
import { readCsvDocuments, readCsvSpans, writeCsvSpans } from "./csv";
import { parseCsvRows } from "./csv-table";

describe("parseCsvRows", () => {
  it("reads quoted delimiters, doubled quotes and line breaks, numbering rows by their first line", () => {
    const content = '\uFEFFid,text\r\n1,"Hi, ""you""\nthere"\r\n\r\n2,plain\n';
    expect(parseCsvRows(content)).toEqual([
      { line: 1, cells: ["id", "text"] },
      { line: 2, cells: ["1", 'Hi, "you"\nthere'] },
      { line: 5, cells: ["2", "plain"] },
    ]);
  });

  it.each([
    { name: "an unclosed quote", content: 'id,text\n1,"open\n\n', line: 2, field: "text" },
    { name: "text after a closing quote", content: 'id,text\n1,"a"b\n', line: 2, field: "text" },
    { name: "a bare quote", content: 'id,text\n1,a"b\n', line: 2, field: "text" },
    { name: "a bare quote in the header", content: 'i"d,text\n', line: 1, field: "column 1" },
  ])("reports $name with its line and column", ({ content, line, field }) => {
    expectInputError(() => parseCsvRows(content), line, field);
  });
});

describe("readCsvDocuments", () => {
  it("takes the text column as text, id as id and the rest as meta", () => {
    const content = 'source,text,id\nweb,e\u0301 👍🏽 李雷,a1\nchat,"two\nlines",\n';
    expect(readCsvDocuments(content)).toEqual([
      { id: "a1", text: "e\u0301 👍🏽 李雷", meta: { source: "web" }, annotations: [] },
      { id: null, text: "two\nlines", meta: { source: "chat" }, annotations: [] },
    ]);
  });

  it("reads TSV with a tab delimiter", () => {
    expect(readCsvDocuments("text\tlang\nhola\tes\n", { delimiter: "\t" })[0]?.meta).toEqual({
      lang: "es",
    });
  });

  it.each([
    { name: "no text column", content: "id,body\n1,x\n", line: 1, field: "text" },
    { name: "an empty file", content: "", line: 1, field: "text" },
    { name: "a column named twice", content: "text,a,a\nx,1,2\n", line: 1, field: "a" },
    { name: "a short row", content: "text,a,b\nx,1,2\ny,1\n", line: 3, field: "b" },
    { name: "a long row", content: "text,a\nx,1,2\n", line: 2, field: "column 3" },
  ])("reports $name with its line and field", ({ content, line, field }) => {
    expectInputError(() => readCsvDocuments(content), line, field);
  });
});

describe("writeCsvSpans and readCsvSpans", () => {
  it("writes one row per span with code point offsets and the covered text", () => {
    const text = '👍🏽 Ana, "Bo"';
    const record = recordWith(text, [spanOf(text, "Ana", "PER"), spanOf(text, '"Bo"', "PER")]);
    expect(writeCsvSpans([record])).toBe(
      "document_id,annotator,start,end,label,text\r\n" +
        "doc-1,alice,3,6,PER,Ana\r\n" +
        'doc-1,alice,8,12,PER,"""Bo"""\r\n',
    );
  });

  it("round-trips every annotator's spans (emoji, CJK and combining marks before them)", () => {
    const record = sampleRecord();
    record.annotations.push({
      annotator: "bob",
      status: "submitted",
      spans: [spanOf(record.text, "Ana met", "EVENT")],
    });
    const bare = { ...record, annotations: [] };
    const other = recordWith("no spans here", [], { id: "doc-2", annotations: [] });
    const read = readCsvSpans(writeCsvSpans([record, other]), [bare, other]);
    expect(read).toEqual([record, other]);
    expect(codePointSpans(present(read[0]))[0]).toEqual([6, 9, "PER", "Ana"]);
  });

  const table = (row: string) => `document_id,annotator,start,end,label,text\n${row}\n`;
  const documents = [recordWith("👍🏽 Ana", [], { annotations: [] })];

  it.each([
    { name: "an unknown document", row: "doc-9,a,0,1,X,👍", field: "document_id" },
    { name: "an empty annotator", row: "doc-1,,3,6,PER,Ana", field: "annotator" },
    { name: "a start that is not a number", row: "doc-1,a,x,6,PER,Ana", field: "start" },
    { name: "an end past the text in code points", row: "doc-1,a,3,7,PER,Ana", field: "end" },
    { name: "a text that differs from the offsets", row: "doc-1,a,1,4,PER,Ana", field: "text" },
    { name: "the reserved label O", row: "doc-1,a,3,6,O,Ana", field: "label" },
  ])("reports $name with its line and field", ({ row, field }) => {
    expectInputError(() => readCsvSpans(table(row), documents), 2, field);
  });
});
