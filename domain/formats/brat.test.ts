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
  it("reads the tutorial's entities and reports every other line with its number", () => {
    const { document, skipped } = readBrat(news.text, news.ann, { id: "000-introduction" });
    expect(document.id).toBe("000-introduction");
    expect(document.annotations[0]?.annotator).toBe("brat");
    expect(codePointSpans(document)).toEqual([
      [418, 426, "Organization", "Citibank"],
      [443, 449, "Transfer-money", "moving"],
      [456, 468, "Money", "$100 million"],
      [473, 496, "Person", "Raul Salinas de Gortari"],
      [511, 535, "Person", "former Mexican president"],
      [540, 545, "Organization", "banks"],
      [549, 560, "GPE", "Switzerland"],
    ]);
    expect(skipped.map((entry) => [entry.line, entry.field])).toEqual([
      [4, "E1"],
      [9, "R2"],
      [10, "#1"],
      [11, "R1"],
      [12, "A1"],
      [13, "A2"],
      [14, "A3"],
      [15, "A4"],
      [16, "A5"],
      [17, "N1"],
    ]);
    expect(skipped[1]?.reason).toMatch(/relation/);
  });

  it("reads real annotator output in code points: non-ASCII text, nested spans, equivalences", () => {
    const { document, skipped } = readBrat(science.text, science.ann);
    const spans = codePointSpans(document);
    expect(spans).toHaveLength(27);
    expect(spans).toContainEqual([15, 44, "Material", "ultra-nanocrystalline diamond"]);
    expect(spans).toContainEqual([61, 87, "Process", "chemical vapour deposition"]);
    expect(spans).toContainEqual([70, 76, "Material", "vapour"]);
    expect(spans).toContainEqual([846, 872, "Task", "EBL and HSQ development, t"]);
    expect(spans).toContainEqual([1028, 1056, "Material", "scanning electron micrograph"]);
    expect(skipped.map((entry) => [entry.line, entry.field])).toEqual([
      [9, "*"],
      [12, "*"],
      [18, "*"],
      [22, "*"],
    ]);
  });

  const t6 = ["Task", "Nanofeature stamps were then created from the samples"] as const;

  it.each([
    {
      discontinuous: "split" as const,
      expected: [
        [400, 436, "Task", "Nanofeature stamps were then created"],
        [437, 453, "Task", "from the samples"],
      ],
      skipped: 4,
    },
    { discontinuous: "merge" as const, expected: [[400, 453, ...t6]], skipped: 4 },
    { discontinuous: "skip" as const, expected: [], skipped: 5 },
  ])("handles the discontinuous T6 by $discontinuous", ({ discontinuous, expected, skipped }) => {
    const read = readBrat(science.text, science.ann, { discontinuous });
    const taskSpans = codePointSpans(read.document).filter(
      ([start]) => start >= 400 && start < 460,
    );
    expect(taskSpans.filter(([, , label]) => label === "Task")).toEqual(expected);
    expect(read.skipped).toHaveLength(skipped);
    if (discontinuous === "skip") expect(read.skipped[0]).toMatchObject({ line: 3, field: "T6" });
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
    const merged = readBrat(record.text, ann, {
      discontinuous: "merge",
      annotator: "alice",
      id: "doc-1",
    });
    expect(merged).toEqual({ document: { ...record, meta: {} }, skipped: [] });
    const split = readBrat(record.text, ann).document.annotations[0]?.spans;
    expect(split).toHaveLength(8);
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
