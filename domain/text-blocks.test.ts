import { describe, expect, it } from "vitest";
import { findBlockIndex, groupByBlock, splitIntoBlocks } from "./text-blocks";

const cover = (text: string, target: number) =>
  splitIntoBlocks(text, target).map((block) => text.slice(block.start, block.end));

describe("splitIntoBlocks", () => {
  it("gathers whole lines up to the target length", () => {
    const text = "one\ntwo\nthree\nfour\n";
    expect(cover(text, 8)).toEqual(["one\ntwo\n", "three\nfour\n"]);
  });

  it("covers the text exactly, with no empty block", () => {
    const text = "a\n\nb\nlonger line here\n\n\nend";
    const blocks = cover(text, 5);
    expect(blocks.join("")).toBe(text);
    expect(blocks.every((block) => block.length > 0)).toBe(true);
  });

  it("cuts a line longer than twice the target at a space", () => {
    const text = "word ".repeat(100);
    const blocks = cover(text, 50);
    expect(blocks.join("")).toBe(text);
    expect(blocks.every((block) => block.length <= 100 && block.endsWith(" "))).toBe(true);
  });

  it("never cuts an emoji in two", () => {
    const text = "😀".repeat(100);
    const blocks = splitIntoBlocks(text, 7);
    expect(blocks.every((block) => block.start % 2 === 0 && block.end % 2 === 0)).toBe(true);
  });

  it("gives no block for an empty text", () => {
    expect(splitIntoBlocks("")).toEqual([]);
  });
});

describe("findBlockIndex and groupByBlock", () => {
  const blocks = [
    { start: 0, end: 10 },
    { start: 10, end: 20 },
    { start: 20, end: 30 },
  ];

  it("finds the block holding an offset", () => {
    expect([0, 9, 10, 25, 30].map((offset) => findBlockIndex(blocks, offset))).toEqual([
      0, 0, 1, 2, 2,
    ]);
  });

  it("lists a range in every block it touches", () => {
    const ranges = [
      { start: 2, end: 4 },
      { start: 8, end: 22 },
      { start: 10, end: 20 },
    ];
    expect(groupByBlock(blocks, ranges)).toEqual([
      [ranges[0], ranges[1]],
      [ranges[1], ranges[2]],
      [ranges[1]],
    ]);
  });
});
