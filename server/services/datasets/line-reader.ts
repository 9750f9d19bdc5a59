import { InputError } from "@/domain/errors";
import { createLineSplitter, type LineHandler } from "@/domain/formats/line-splitter";
import type { ImportFile } from "./import-file";

/**
 * Reads a UTF-8 file line by line; `onBytes` hears how many bytes each chunk held, and the next
 * chunk is read once it is done.
 */
export async function forEachLine(
  file: ImportFile,
  onLine: LineHandler,
  onBytes: (bytes: number) => void | Promise<void> = () => {},
): Promise<void> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const splitter = createLineSplitter(onLine);
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      // Decoded leniently, the chunk shows where the bad bytes sit: count the lines before them.
      const lenient = chunk ? new TextDecoder().decode(chunk) : "";
      const before = lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD")));
      throw new InputError(
        splitter.lineNumber + 1 + (before.match(/\n/g)?.length ?? 0),
        null,
        "is not UTF-8 text: save the file as UTF-8 (is it UTF-16, or binary?)",
      );
    }
  };
  for await (const chunk of file.open()) {
    splitter.push(decode(chunk));
    await onBytes(chunk.byteLength);
  }
  splitter.push(decode());
  splitter.end();
}

/** The whole file as text, for the small companions of a format (brat's .txt, labels.json). */
export async function readWholeFile(file: ImportFile): Promise<string> {
  const parts: string[] = [];
  await forEachLine(file, (text, _line, ending) => parts.push(text + ending));
  return parts.join("");
}

/** The first line of a file (a CSV header), reading no further than it. */
export async function readFirstLine(file: ImportFile): Promise<string> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: false });
  let text = "";
  for await (const chunk of file.open()) {
    text += decoder.decode(chunk, { stream: true });
    const end = text.indexOf("\n");
    if (end >= 0) return text.slice(0, end).replace(/\r$/, "");
  }
  return text + decoder.decode();
}
