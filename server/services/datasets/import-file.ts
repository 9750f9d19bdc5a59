import { createReadStream, statSync } from "node:fs";

/**
 * A file to import: the name messages give it (the path as the user typed it, or the upload's
 * name), its size in bytes for progress, and its bytes, read as a stream so large files never sit
 * in memory whole.
 */
export type ImportFile = { name: string; size: number; open(): AsyncIterable<Uint8Array> };

export function fileFromPath(filePath: string, name = filePath): ImportFile {
  return {
    name,
    size: statSync(filePath).size,
    // 64 KB at a time: each chunk is checked, then staged in one short transaction, which stays a
    // few tens of milliseconds, so requests beside an import are never kept waiting long.
    open: () => createReadStream(filePath, { highWaterMark: 1 << 16 }),
  };
}

export function fileFromText(name: string, text: string): ImportFile {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    size: bytes.length,
    async *open() {
      yield bytes;
    },
  };
}
