import { describe, expect, it } from "vitest";
import { readFixture } from "../test-support/fixtures";
import {
  codePointSpans,
  expectInputError,
  recordWith,
  sampleRecord,
  spanOf,
} from "../test-support/format-records";
import { readBrat } from "./brat";
import { formatBratAnn, formatBratConf } from "./brat-write";

const news = {
  text: readFixture("brat_news_000-introduction.txt"),
  ann: readFixture("brat_news_000-introduction.ann"),
};
const science = {
  text: readFixture("brat_scienceie_S0167931713005042.txt"),
  ann: readFixture("brat_scienceie_S0167931713005042.ann"),
};

describe("readBrat on the shared fixtures", () => {
  it("reads the tutorial's entities, event, relations, attributes, note and normalization", () => {
    const { document, skipped } = readBrat(news.text, news.ann, { id: "000-introduction" });
    expect(document.id).toBe("000-introduction");
    const layer = document.annotations[0];
    expect(layer?.annotator).toBe("brat");
    expect(codePointSpans(document)).toEqual([
      [418, 426, "Organization", "Citibank"],
      [443, 449, "Transfer-money", "moving"],
      [456, 468, "Money", "$100 million"],
      [473, 496, "Person", "Raul Salinas de Gortari"],
      [511, 535, "Person", "former Mexican president"],
      [540, 545, "Organization", "banks"],
      [549, 560, "GPE", "Switzerland"],
    ]);
    const quote = (span: { start: number; end: number }) => news.text.slice(span.start, span.end);
    expect(layer?.relations?.map((r) => [quote(r.source), r.type, quote(r.target)])).toEqual([
      ["moving", "Transfer-money:Giver-Arg", "Citibank"],
      ["moving", "Transfer-money:Money-Arg", "$100 million"],
      ["moving", "Transfer-money:Beneficiary-Arg", "Raul Salinas de Gortari"],
      ["moving", "Transfer-money:Recipient-Arg", "banks"],
      ["banks", "Origin", "Switzerland"],
      ["Raul Salinas de Gortari", "Family", "former Mexican president"],
    ]);
    const details = layer?.spans.map((span) => [quote(span), span.attributes, span.note]);
    expect(details).toEqual([
      ["Citibank", undefined, undefined],
      // The event's attribute goes to its trigger.
      ["moving", { Confidence: "High" }, undefined],
      ["$100 million", undefined, "100000000 USD"],
      ["Raul Salinas de Gortari", { Mention: "Name", Individual: true }, undefined],
      [
        "former Mexican president",
        { Mention: "Nominal", Individual: true },
        'Wikipedia:64488 "Carlos Salinas de Gortari"',
      ],
      ["banks", undefined, undefined],
      ["Switzerland", undefined, undefined],
    ]);
    expect(skipped).toEqual([]);
  });

  it("reads real annotator output in code points: non-ASCII text, nested spans, equivalences", () => {
    const { document, skipped } = readBrat(science.text, science.ann);
    const spans = codePointSpans(document);
    expect(spans).toHaveLength(26);
    expect(spans).toContainEqual([15, 44, "Material", "ultra-nanocrystalline diamond"]);
    expect(spans).toContainEqual([61, 87, "Process", "chemical vapour deposition"]);
    expect(spans).toContainEqual([70, 76, "Material", "vapour"]);
    expect(spans).toContainEqual([846, 872, "Task", "EBL and HSQ development, t"]);
    expect(spans).toContainEqual([1028, 1056, "Material", "scanning electron micrograph"]);
    const quote = (span: { start: number; end: number }) =>
      science.text.slice(span.start, span.end);
    const relations = document.annotations[0]?.relations ?? [];
    expect(relations.map((r) => [quote(r.source), r.type, quote(r.target), r.directed])).toEqual([
      ["ultra-nanocrystalline diamond", "Synonym-of", "UNCD", false],
      ["chemical vapour deposition", "Synonym-of", "CVD", false],
      ["conventional electron beam lithography", "Synonym-of", "EBL", false],
      ["HSQ", "Synonym-of", "hydrogen silsesquioxane", false],
    ]);
    expect(skipped).toEqual([]);
  });

  const t6 = ["Task", "Nanofeature stamps were then created from the samples"] as const;

  it("keeps the discontinuous T6 as one span with a further fragment by default", () => {
    const { document } = readBrat(science.text, science.ann);
    const task = document.annotations[0]?.spans.find((span) => span.fragments?.length);
    expect(task && science.text.slice(task.start, task.end)).toBe(
      "Nanofeature stamps were then created",
    );
    expect(task?.fragments?.map(([s, e]) => science.text.slice(s, e))).toEqual([
      "from the samples",
    ]);
  });

  it.each([
    {
      discontinuous: "split" as const,
      expected: [
        [400, 436, "Task", "Nanofeature stamps were then created"],
        [437, 453, "Task", "from the samples"],
      ],
      skipped: 0,
    },
    { discontinuous: "merge" as const, expected: [[400, 453, ...t6]], skipped: 0 },
    { discontinuous: "skip" as const, expected: [], skipped: 1 },
  ])("handles the discontinuous T6 by $discontinuous", ({ discontinuous, expected, skipped }) => {
    const read = readBrat(science.text, science.ann, { discontinuous });
    const taskSpans = codePointSpans(read.document).filter(
      ([start]) => start >= 400 && start < 460,
    );
    expect(taskSpans.filter(([, , label]) => label === "Task")).toEqual(expected);
    expect(read.skipped).toHaveLength(skipped);
    if (discontinuous === "skip") expect(read.skipped[0]).toMatchObject({ line: 3, field: "T6" });
  });

  it.each([
    { name: "a relation to a missing entity", ann: "R1\tOrigin Arg1:T6 Arg2:T99", field: "args" },
    { name: "an attribute on a missing span", ann: "A1\tNegated T42", field: "target" },
    { name: "a note on a missing span", ann: "#1\tAnnotatorNotes T42\tsure?", field: "target" },
  ])("refuses $name, naming the line and quoting it", ({ ann, field }) => {
    const error = expectInputError(() => readBrat(news.text, `${news.ann}${ann}\n`), 18, field);
    expect(error.reason).toContain(ann.split("\t").slice(0, 2).join("\t"));
  });
});

describe("readBrat", () => {
  const text = "👍🏽 Ana met Bob";
  it.each([
    { name: "an unknown line kind", ann: "X1\tPER 3 6\tAna", field: "id" },
    { name: "a T line without TABs", ann: "T1 PER 3 6 Ana", field: "id" },
    {
      name: "an id given twice",
      ann: "T1\tPER 3 6\tAna\nT1\tPER 11 14\tBob",
      line: 2,
      field: "id",
    },
    { name: "offsets that are not numbers", ann: "T1\tPER 3 x\tAna", field: "offsets" },
    { name: "start after end", ann: "T1\tPER 6 3\tAna", field: "offsets" },
    { name: "an end past the text in code points", ann: "T1\tPER 11 15\tBob", field: "offsets" },
    { name: "the reserved label O", ann: "T1\tO 3 6\tAna", field: "type" },
    {
      name: "UTF-16 offsets, caught by the reference text",
      ann: "T1\tPER 5 8\tAna",
      field: "text",
    },
  ])("reports $name with its line and field", ({ ann, line, field }) => {
    expectInputError(() => readBrat(text, `\n${ann}\n`), (line ?? 1) + 1, field);
  });

  it("catches byte offsets in the real non-ASCII file through the reference text", () => {
    const shifted = science.ann.replace("T1\tMaterial 15 44", "T1\tMaterial 16 45");
    expectInputError(() => readBrat(science.text, shifted), 7, "text");
  });
});

describe("formatBratAnn", () => {
  it("round-trips spans (emoji, CJK and combining marks first), a span across a line break too", () => {
    const record = sampleRecord();
    const crossing = spanOf(record.text, "said 🇫🇷.\nThen", "EVENT");
    record.annotations[0]?.spans.push(crossing);
    record.annotations[0]?.spans.sort((a, b) => a.start - b.start || a.end - b.end);
    const ann = formatBratAnn(record);
    expect(ann).toContain("T5\tEVENT 29 37;38 42\tsaid 🇫🇷. Then\n");
    const read = readBrat(record.text, ann, { annotator: "alice", id: "doc-1" });
    expect(read).toEqual({ document: { ...record, meta: {} }, skipped: [] });
    const split = readBrat(record.text, ann, { discontinuous: "split" }).document.annotations[0];
    expect(split?.spans).toHaveLength(8);
  });

  it("round-trips relations, events, equivalences, attributes, notes and fragments", () => {
    const read = readBrat(news.text, news.ann, { id: "000-introduction" }).document;
    const science = readBrat(
      readFixture("brat_scienceie_S0167931713005042.txt"),
      readFixture("brat_scienceie_S0167931713005042.ann"),
    ).document;
    for (const document of [read, science]) {
      const again = readBrat(document.text, formatBratAnn(document), { id: document.id });
      const normalized = document.annotations.map((layer) => ({
        ...layer,
        // brat keeps one note per line: a normalization comes back as an AnnotatorNotes line.
        relations: [...(layer.relations ?? [])].sort(
          (a, b) => a.type.localeCompare(b.type) || a.target.start - b.target.start,
        ),
      }));
      const reread = again.document.annotations.map((layer) => ({
        ...layer,
        relations: [...(layer.relations ?? [])].sort(
          (a, b) => a.type.localeCompare(b.type) || a.target.start - b.target.start,
        ),
      }));
      expect(reread).toEqual(normalized);
    }
    const ann = formatBratAnn(read);
    expect(ann).toContain(
      "E1\tTransfer-money:T2 Giver-Arg:T1 Money-Arg:T3 Beneficiary-Arg:T4 Recipient-Arg:T6\n",
    );
    expect(ann).toContain("R1\tOrigin Arg1:T6 Arg2:T7\n");
    expect(ann).toContain("A1\tConfidence T2 High\n");
    expect(ann).toContain("A3\tIndividual T4\n");
    expect(formatBratAnn(science)).toContain("*\tSynonym-of T1 T2\n");
    expect(formatBratAnn(science)).toMatch(
      /\tTask 400 436;437 453\tNanofeature stamps were then created from the samples\n/,
    );
  });

  it("refuses labels with spaces, which would break the line", () => {
    expect(() =>
      formatBratAnn(recordWith("New York", [{ start: 0, end: 8, label: "BIG CITY" }])),
    ).toThrow(/white space/);
  });

  it("writes an annotation.conf with the labels and overlap allowed", () => {
    expect(formatBratConf(["PER", "LOC"])).toBe(
      "[entities]\nPER\nLOC\n\n[relations]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n",
    );
  });
});
