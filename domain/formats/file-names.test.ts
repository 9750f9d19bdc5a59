import { describe, expect, it } from "vitest";
import { baseName, extensionOf } from "./file-names";

describe("baseName and extensionOf", () => {
  it.each([
    { file: "corpus/doc-1.ann", base: "doc-1", extension: ".ann" },
    { file: "C:\\data\\Doc.TXT", base: "Doc", extension: ".txt" },
    { file: "archive.tar.gz", base: "archive.tar", extension: ".gz" },
    { file: ".hidden", base: ".hidden", extension: "" },
    { file: "folder/plain", base: "plain", extension: "" },
  ])("$file", ({ file, base, extension }) => {
    expect(baseName(file)).toBe(base);
    expect(extensionOf(file)).toBe(extension);
  });
});
