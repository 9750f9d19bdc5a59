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

/** Lines without their breaks ("\n" or "\r\n"); a final break does not open another line. */
export function splitLines(content: string): string[] {
  const lines: string[] = [];
  const splitter = createLineSplitter((text) => lines.push(text));
  splitter.push(content);
  splitter.end();
  return lines;
}
