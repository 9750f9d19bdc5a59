import { InputError } from "@/domain/errors";
import type { ImportFile } from "./import-file";

/** Receives each line without its break; `ending` is the break itself ("\n", "\r\n" or "" at the end). */
export type LineHandler = (text: string, lineNumber: number, ending: string) => void;

/**
 * Cuts text that arrives in pieces into lines, so that a file is read a chunk at a time whatever
 * its size. A byte order mark at the very start is not part of the first line.
 */
export function createLineSplitter(onLine: LineHandler) {
  let carry = "";
  let lineNumber = 0;
  let started = false;
  return {
    push(piece: string) {
      let text = carry + piece;
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      let from = 0;
      for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", from)) {
        const crlf = at > from && text.charCodeAt(at - 1) === 0x0d;
        onLine(text.slice(from, crlf ? at - 1 : at), ++lineNumber, crlf ? "\r\n" : "\n");
        from = at + 1;
      }
      carry = text.slice(from);
    },
    end() {
      if (carry !== "") onLine(carry, ++lineNumber, "");
      carry = "";
    },
    get lineNumber() {
      return lineNumber;
    },
  };
}

/** Reads a UTF-8 file line by line; `onBytes` hears how many bytes each chunk held. */
export async function forEachLine(
  file: ImportFile,
  onLine: LineHandler,
  onBytes: (bytes: number) => void = () => {},
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
    onBytes(chunk.byteLength);
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
