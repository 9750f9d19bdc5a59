import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tablesOf } from "@/db/open-database";
import { countRows, freshDb, importError, importTexts } from "../../test-support/datasets";

describe("--skip-invalid", () => {
  it("imports the valid documents and lists every skipped one with its reason", async () => {
    const db = await freshDb();
    const content = [
      '{"id": "a", "text": "Ana"}',
      "{oops",
      '{"id": "b", "text": "Bob", "annotations": [{"annotator": "x", "spans": [{"start": 0, "end": 5, "label": "PER"}]}]}',
      '{"id": "a", "text": "again"}',
      '{"id": "c", "text": "Cy"}',
    ].join("\n");
    const summary = await importTexts(
      db,
      "p",
      "jsonl",
      { "f.jsonl": content },
      { skipInvalid: true },
    );
    expect(summary.documents).toBe(2);
    expect(summary.invalid.map(({ file, line, field }) => [file, line, field])).toEqual([
      ["f.jsonl", 2, null],
      ["f.jsonl", 3, "annotations[0].spans[0].end"],
      ["f.jsonl", 4, "id"],
    ]);
    expect(summary.invalid[2]?.reason).toMatch(/already used on line 1/);
    expect((await countRows(db)).documents).toBe(2);
  });

  it("skips a CoNLL document with a bad tag and reads the next one", async () => {
    const db = await freshDb();
    const content = "-DOCSTART- -X- O O\n\nAnn B-PER\nx BAD\n\n-DOCSTART- -X- O O\n\nBob B-PER\n";
    const summary = await importTexts(
      db,
      "p",
      "conll",
      { "c.conll": content },
      { skipInvalid: true },
    );
    expect(summary.documents).toBe(1);
    expect(summary.invalid).toMatchObject([{ file: "c.conll", line: 4, field: "tag" }]);
    expect(summary.preview[0]?.spans).toEqual([{ annotator: "conll", label: "PER", text: "Bob" }]);
  });
});

describe("documents already in the project", () => {
  const first =
    '{"id": "a", "text": "Ana", "annotations": [{"annotator": "x", "spans": [{"start": 0, "end": 3, "label": "PER"}]}]}';
  const second =
    '{"id": "a", "text": "Bob!", "annotations": [{"annotator": "y", "spans": [{"start": 0, "end": 3, "label": "ORG"}]}]}';

  it("are left unchanged and counted", async () => {
    const db = await freshDb();
    await importTexts(db, "p", "jsonl", { "1.jsonl": first });
    const before = await countRows(db);
    const summary = await importTexts(db, "p", "jsonl", { "2.jsonl": second });
    expect(summary).toMatchObject({ documents: 0, alreadyPresent: 1, replaced: 0 });
    expect(await countRows(db)).toEqual(before);
  });

  it("are replaced, text and layers, with --replace", async () => {
    const db = await freshDb();
    await importTexts(db, "p", "jsonl", { "1.jsonl": first });
    const summary = await importTexts(db, "p", "jsonl", { "2.jsonl": second }, { replace: true });
    expect(summary).toMatchObject({ documents: 0, alreadyPresent: 0, replaced: 1, spans: 1 });
    expect(await countRows(db)).toMatchObject({ documents: 1, annotations: 1, spans: 1 });
    expect(summary.preview[0]).toMatchObject({
      id: "a",
      text: "Bob!",
      spans: [{ annotator: "y", text: "Bob" }],
    });
  });
});

describe("labels", () => {
  const content =
    '{"text": "Ana in Kyiv", "annotations": [{"annotator": "x", "spans": [{"start": 7, "end": 11, "label": "CITY"}]}]}';

  it("creates labels the project lacks, with the next hotkey", async () => {
    const db = await freshDb();
    const summary = await importTexts(db, "p", "jsonl", { "l.jsonl": content });
    expect(summary.labelsCreated).toEqual(["CITY"]);
    const { labels: table } = tablesOf(db);
    const labels = await db
      .select({ name: table.name, hotkey: table.hotkey, position: table.position })
      .from(table)
      .orderBy(asc(table.position));
    expect(labels.at(-1)).toEqual({ name: "CITY", hotkey: "4", position: 3 });
  });

  it("refuses them with --strict, naming the line and field", async () => {
    const db = await freshDb();
    const error = await importError(() =>
      importTexts(db, "p", "jsonl", { "l.jsonl": content }, { strict: true }),
    );
    expect([error.line, error.field]).toEqual([1, "annotations[0].spans[0].label"]);
    expect(error.reason).toMatch(/unknown label "CITY" \(the project's labels: PER, ORG, LOC\)/);
    expect(await countRows(db)).toMatchObject({ documents: 0, labels: 3 });
  });

  it("refuses overlapping spans where the project forbids them", async () => {
    const db = await freshDb();
    const overlapping =
      '{"text": "New York City", "annotations": [{"annotator": "x", "spans": [{"start": 0, "end": 8, "label": "LOC"}, {"start": 4, "end": 13, "label": "LOC"}]}]}';
    const error = await importError(() =>
      importTexts(db, "p", "jsonl", { "o.jsonl": overlapping }),
    );
    expect([error.line, error.field]).toEqual([1, "annotations[0].spans[1]"]);
  });
});

describe("brat", () => {
  const files = {
    "n.txt": "Acme Corp and Bob Inc",
    "n.ann":
      "T1\tORG 0 4;10 13\tAcme and\nT2\tORG 14 21\tBob Inc\nR1\tRel Arg1:T1 Arg2:T2\n#1\tNote T1\tsure\n",
  };

  it("keeps a discontinuous span as one span with a fragment, with its relation and note", async () => {
    const db = await freshDb();
    const summary = await importTexts(db, "p", "brat", files);
    expect(summary.preview[0]?.spans.map((span) => span.text)).toEqual(["Acme", "Bob Inc"]);
    expect(summary).toMatchObject({ spans: 2, fragments: 1, relations: 1, notes: 1, leftOut: [] });
  });

  it("splits a discontinuous span into its fragments, when asked", async () => {
    const db = await freshDb();
    const summary = await importTexts(db, "p", "brat", files, { discontinuous: "split" });
    expect(summary.preview[0]?.spans.map((span) => span.text)).toEqual(["Acme", "and", "Bob Inc"]);
    expect(summary).toMatchObject({ fragments: 0, relations: 1, leftOut: [] });
  });

  it("reports a discontinuous span instead, when asked, and what named it", async () => {
    const db = await freshDb();
    const summary = await importTexts(db, "p", "brat", files, { discontinuous: "skip" });
    expect(summary.spans).toBe(1);
    expect(summary.leftOut.map((entry) => [entry.line, entry.field])).toEqual([
      [1, "T1"],
      [3, "R1"],
      [4, "#1"],
    ]);
    expect(summary.leftOut[0]?.reason).toMatch(/discontinuous/);
  });
});

describe("txt", () => {
  it("makes one document per file, named after it, text kept exactly", async () => {
    const db = await freshDb();
    const summary = await importTexts(db, "p", "txt", {
      "dir/a.txt": "one\r\ntwo\r\n",
      "b.txt": "東京",
    });
    expect(summary.preview.map((doc) => [doc.id, doc.text])).toEqual([
      ["a", "one\r\ntwo\r\n"],
      ["b", "東京"],
    ]);
  });

  it("makes one document per non-blank line with --lines", async () => {
    const db = await freshDb();
    const summary = await importTexts(
      db,
      "p",
      "txt",
      { "a.txt": "one\n\n😀 two\n" },
      { lines: true },
    );
    expect(summary.documents).toBe(2);
    expect(summary.preview.map((doc) => [doc.line, doc.text])).toEqual([
      [1, "one"],
      [3, "😀 two"],
    ]);
  });
});

describe("the preview", () => {
  it("says each document's language and direction: its meta's, else its text's", async () => {
    const lines = [
      { id: "he", text: "נפגש עם NATO.", meta: { lang: "he" } },
      { id: "ar", text: "وأكدت وكالة AP الخبر." },
      { id: "en", text: "ACME hired Ann.", meta: { lang: "en", dir: "rtl" } },
    ].map((line) => JSON.stringify(line));
    const summary = await importTexts(await freshDb(), "p", "jsonl", {
      "f.jsonl": lines.join("\n"),
    });
    expect(summary.preview.map(({ id, lang, dir }) => ({ id, lang, dir }))).toEqual([
      { id: "he", lang: "he", dir: "rtl" },
      { id: "ar", lang: "", dir: "rtl" },
      { id: "en", lang: "en", dir: "rtl" },
    ]);
  });
});

describe("a dry run", () => {
  it("reports what the import would do, every problem included, and writes nothing", async () => {
    const db = await freshDb();
    const content = '{"id": "a", "text": "x"}\n{bad\n{"text": 1}\n';
    const summary = await importTexts(db, "p", "jsonl", { "f.jsonl": content }, { dryRun: true });
    expect(summary.documents).toBe(1);
    expect(summary.invalid.map((problem) => problem.line)).toEqual([2, 3]);
    expect((await countRows(db)).documents).toBe(0);
  });
});

describe("labels of documents left unchanged", () => {
  it("are not created", async () => {
    const db = await freshDb();
    await importTexts(db, "p", "jsonl", { "1.jsonl": '{"id": "a", "text": "Kyiv"}' });
    const again =
      '{"id": "a", "text": "Kyiv", "annotations": [{"annotator": "x", "spans": [{"start": 0, "end": 4, "label": "CITY"}]}]}';
    const summary = await importTexts(db, "p", "jsonl", { "2.jsonl": again });
    expect(summary).toMatchObject({ alreadyPresent: 1, labelsCreated: [] });
    expect((await countRows(db)).labels).toBe(3);
  });
});
