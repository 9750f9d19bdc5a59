import { describe, expect, it } from "vitest";
import type { ImportFormatName } from "@/domain/formats/catalog";
import { countRows, freshDb, importError, importTexts } from "../../test-support/datasets";
import { importJsonl } from "./import-jsonl";

type Malformed = {
  format: ImportFormatName;
  files: Record<string, string>;
  file: string;
  line: number;
  field: string | null;
  reason: RegExp;
};

const pretty = JSON.stringify(
  [
    { data: { text: "fine" }, annotations: [] },
    {
      data: { text: "Ana 😀" },
      annotations: [{ result: [{ value: { start: 0, end: 9, labels: ["PER"] } }] }],
    },
  ],
  null,
  2,
);

const malformed: Malformed[] = [
  {
    format: "jsonl",
    files: { "a.jsonl": '{"text": "ok"}\n{"text": 5}\n' },
    file: "a.jsonl",
    line: 2,
    field: "text",
    reason: /string/,
  },
  {
    format: "txt",
    files: { "one.txt": "fine", "empty.txt": "  \n" },
    file: "empty.txt",
    line: 1,
    field: "text",
    reason: /empty/,
  },
  {
    format: "csv",
    files: { "d.csv": 'id,text\n1,fine\n2,"never closed\nstill open\n' },
    file: "d.csv",
    line: 3,
    field: "text",
    reason: /never closed/,
  },
  {
    format: "csv",
    files: { "d.csv": "id,body\n1,x\n" },
    file: "d.csv",
    line: 1,
    field: "text",
    reason: /no column named "text"/,
  },
  {
    format: "doccano",
    files: { "d.jsonl": '{"text": "ok"}\n{"text": "abc", "label": [[0, 9, "PER"]]}\n' },
    file: "d.jsonl",
    line: 2,
    field: "label[0][1]",
    reason: /past the end/,
  },
  {
    format: "labelstudio",
    files: { "ls.json": pretty },
    file: "ls.json",
    line: pretty.split("\n").findIndex((line) => line.includes('"end": 9')) + 1,
    field: "[1].annotations[0].result[0].value.end",
    reason: /past the end/,
  },
  {
    format: "conll",
    files: { "c.conll": "-DOCSTART- -X- O O\n\nAnn B-PER\nLee B_PER\n" },
    file: "c.conll",
    line: 4,
    field: "tag",
    reason: /B_PER/,
  },
  {
    format: "brat",
    files: { "d.txt": "Ana met Bob", "d.ann": "T1\tPER 0 3\tAna\nT2\tPER 8 11\tBill\n" },
    file: "d.ann",
    line: 2,
    field: "text",
    reason: /is "Bill" but the offsets cover "Bob"/,
  },
  {
    format: "brat",
    files: { "d.ann": "T1\tPER 0 3\tAna\n" },
    file: "d.ann",
    line: 1,
    field: null,
    reason: /has no d.txt beside it/,
  },
  {
    format: "spacy",
    files: { "s.jsonl": '{"text": "ab", "ents": [[0, 1]]}\n' },
    file: "s.jsonl",
    line: 1,
    field: "ents[0]",
    reason: /expected \[start, end, label\]/,
  },
  {
    format: "hf",
    files: { "labels.json": '["O", "B-PER"]', "h.jsonl": '{"tokens": ["Ann"], "ner_tags": [7]}\n' },
    file: "h.jsonl",
    line: 1,
    field: "ner_tags[0]",
    reason: /tag id 7 is not in labels.json/,
  },
  {
    format: "hf",
    files: {
      "labels.json": '["O", "B-PER",]',
      "h.jsonl": '{"tokens": ["Ann"], "ner_tags": [1]}\n',
    },
    file: "labels.json",
    line: 1,
    field: null,
    reason: /not valid JSON/,
  },
];

describe.each(malformed)(
  "malformed $format ($file)",
  ({ format, files, file, line, field, reason }) => {
    it("names the file, line and field, and imports nothing from any file", async () => {
      const db = await freshDb();
      await importJsonl(db, "p", '{"id": "before", "text": "already here"}');
      const before = await countRows(db);
      const error = await importError(() => importTexts(db, "p", format, files));
      expect({ file: error.file, line: error.line, field: error.field }).toEqual({
        file,
        line,
        field,
      });
      expect(error.reason).toMatch(reason);
      expect(error.message).toContain(`${file}: line ${line}`);
      expect(await countRows(db)).toEqual(before);
    });
  },
);
