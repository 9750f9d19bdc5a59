import { describe, expect, it } from "vitest";
import { InputError } from "@/domain/errors";
import type { ImportFile } from "./import-file";
import { forEachLine } from "./line-reader";

/** A file that arrives `size` bytes at a time, cutting characters and line breaks in two. */
function trickling(bytes: Uint8Array, size: number): ImportFile {
  return {
    name: "t.txt",
    size: bytes.length,
    async *open() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    },
  };
}

async function lines(file: ImportFile) {
  const seen: [number, string, string][] = [];
  let bytes = 0;
  await forEachLine(
    file,
    (text, line, ending) => seen.push([line, text, ending]),
    (n) => {
      bytes += n;
    },
  );
  return { seen, bytes };
}

describe("forEachLine", () => {
  it.each([1, 2, 3, 7])("gives the same lines whatever the chunk size (%i bytes)", async (size) => {
    const text = "\uFEFFe\u0301 😀\r\n東京\n\nlast";
    const { seen, bytes } = await lines(trickling(new TextEncoder().encode(text), size));
    expect(seen).toEqual([
      [1, "e\u0301 😀", "\r\n"],
      [2, "東京", "\n"],
      [3, "", "\n"],
      [4, "last", ""],
    ]);
    expect(bytes).toBe(new TextEncoder().encode(text).length);
  });

  it("refuses bytes that are not UTF-8, naming the line", async () => {
    const bytes = new Uint8Array([0x61, 0x0a, 0x62, 0xff, 0x0a]);
    const error = await lines(trickling(bytes, 64)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(2);
    expect((error as InputError).reason).toMatch(/not UTF-8/);
  });
});
