import { describe, expect, it } from "vitest";
import { createLineSplitter, splitLines } from "./line-splitter";

describe("createLineSplitter", () => {
  it("gives the same lines however the text is cut, a CRLF split in two included", () => {
    const text = "\uFEFFone\r\ntwo\n\nlast";
    for (const size of [1, 2, 5, text.length]) {
      const seen: [string, number, string][] = [];
      const splitter = createLineSplitter((line, number, ending) =>
        seen.push([line, number, ending]),
      );
      for (let at = 0; at < text.length; at += size) splitter.push(text.slice(at, at + size));
      splitter.end();
      expect(seen).toEqual([
        ["one", 1, "\r\n"],
        ["two", 2, "\n"],
        ["", 3, "\n"],
        ["last", 4, ""],
      ]);
    }
  });
});

describe("splitLines", () => {
  it.each([
    { content: "", lines: [] },
    { content: "a\n", lines: ["a"] },
    { content: "a\n\n", lines: ["a", ""] },
    { content: "\uFEFFa\r\nb", lines: ["a", "b"] },
    { content: "a\rb\n", lines: ["a\rb"] },
  ])("splits $content as the streaming reader does", ({ content, lines }) => {
    expect(splitLines(content)).toEqual(lines);
  });
});
