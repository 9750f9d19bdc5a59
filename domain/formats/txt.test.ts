import { describe, expect, it } from "vitest";
import { readFixture } from "../test-support/fixtures";
import { expectInputError, recordWith, sampleText } from "../test-support/format-records";
import { parseTxtLine, readTxt, writeTxtLines } from "./txt";

describe("readTxt", () => {
  it("keeps a whole file as one document, text untouched but for a byte order mark", () => {
    const text = readFixture("brat_scienceie_S0167931713005042.txt");
    expect(readTxt(`\uFEFF${text}`, { id: "S0167931713005042" })).toEqual([
      { id: "S0167931713005042", text, meta: {}, annotations: [] },
    ]);
  });

  it("makes one document per non-blank line in line mode, CJK and emoji included", () => {
    const documents = readTxt("\uFEFFfirst\r\n\r\n《三体》\n👍🏽 e\u0301\n", { split: "line" });
    expect(documents.map((document) => [document.text, document.meta])).toEqual([
      ["first", { line: 1 }],
      ["《三体》", { line: 3 }],
      ["👍🏽 e\u0301", { line: 4 }],
    ]);
  });

  it("streams one line at a time", () => {
    expect(parseTxtLine("   ", 5)).toBeNull();
    expect(parseTxtLine("hello", 6)).toEqual({
      id: null,
      text: "hello",
      meta: { line: 6 },
      annotations: [],
    });
  });

  it.each([
    { name: "an empty file", content: "", split: "file" as const, line: 1 },
    { name: "a file of blank lines", content: "\n  \n", split: "line" as const, line: 1 },
    { name: "a NUL on line 3", content: "a\nb\nc\u0000d", split: "file" as const, line: 3 },
    { name: "a NUL in line mode", content: "a\n\nb\u0000", split: "line" as const, line: 3 },
  ])("reports $name with its line", ({ content, split, line }) => {
    expectInputError(() => readTxt(content, { split }), line, "text");
  });
});

describe("writeTxtLines", () => {
  it("round-trips texts one per line", () => {
    const texts = ["e\u0301 👍🏽 Ana met 李雷", "《三体》是中国大陆作家", "Zoë 🇫🇷"];
    const records = texts.map((text) => recordWith(text, [], { annotations: [] }));
    expect(readTxt(writeTxtLines(records), { split: "line" }).map((record) => record.text)).toEqual(
      texts,
    );
  });

  it("refuses a text that holds a line break", () => {
    expect(() => writeTxtLines([recordWith(sampleText, [])])).toThrow(/several lines/);
  });
});
