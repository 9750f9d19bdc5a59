import { DomainError, InputError } from "../errors";
import type { DocumentRecord } from "./jsonl";
import { splitLines } from "./line-splitter";
import { stripByteOrderMark } from "./records";

/**
 * Plain text: the whole file is one document, or each non-blank line is one. No spans, so no
 * offsets. Texts are kept exactly as written (line breaks included) but for a leading byte order
 * mark; in line mode the "\n" or "\r\n" ending each line is not part of its document.
 */
export type TxtSplit = "file" | "line";

export type TxtReadOptions = {
  /** Default "file". */
  split?: TxtSplit;
  /** Id of the document in file mode, e.g. the file name; in line mode ids stay null. */
  id?: string | null;
};

export function readTxt(content: string, options: TxtReadOptions = {}): DocumentRecord[] {
  if (options.split === "line") {
    const documents = splitLines(content).flatMap((line, i) => parseTxtLine(line, i + 1) ?? []);
    if (documents.length === 0) throw new InputError(1, "text", "the file has no non-blank line");
    return documents;
  }
  const text = stripByteOrderMark(content);
  if (text.trim() === "") throw new InputError(1, "text", "the file is empty");
  checkForBinary(text, 1);
  return [{ id: options.id ?? null, text, meta: {}, annotations: [] }];
}

/** One line as a document, or null for a blank line; the line number goes to `meta.line`. */
export function parseTxtLine(line: string, lineNumber: number): DocumentRecord | null {
  if (line.trim() === "") return null;
  const text = lineNumber === 1 ? stripByteOrderMark(line) : line;
  checkForBinary(text, lineNumber);
  return { id: null, text, meta: { line: lineNumber }, annotations: [] };
}

/** One document per line; a text holding a line break would become two, so it is refused. */
export function writeTxtLines(records: DocumentRecord[]): string {
  return records
    .map((record) => {
      if (/[\r\n]/.test(record.text)) {
        const id = record.id ?? "(no id)";
        throw new DomainError("BAD_REQUEST", `document ${id} spans several lines`);
      }
      return `${record.text}\n`;
    })
    .join("");
}

/** A NUL never occurs in text; seeing one means a binary file (or UTF-16) was read as UTF-8. */
function checkForBinary(text: string, firstLine: number) {
  const at = text.indexOf("\u0000");
  if (at < 0) return;
  const line = firstLine + (text.slice(0, at).match(/\n/g)?.length ?? 0);
  throw new InputError(line, "text", "contains a NUL character: is this a binary or UTF-16 file?");
}
