/**
 * Cuts JSON that arrives line by line into top-level values, so a large file can be read one value
 * at a time: the objects of a (possibly pretty-printed) doccano JSONL file, or the elements of the
 * list a Label Studio export holds. Only brackets outside strings count. Text at the top level that
 * starts no object or list runs to the end of its line, so that parsing it reports the error.
 */
export type JsonValueChunk = { source: string; line: number };

export type JsonValueSplitter = {
  /** Takes the next line (without its break); returns the values it completes. */
  line(text: string, lineNumber: number): JsonValueChunk[];
  /** Ends the input; an unfinished value comes back as it is, for parsing to report. */
  end(): JsonValueChunk[];
};

export function createJsonValueSplitter(options: { elementsOfList?: boolean } = {}) {
  // Depth at which values start: 1 inside the outer list, once its "[" has been seen.
  let base = 0;
  let listState: "before" | "open" | "closed" | "none" = options.elementsOfList ? "before" : "none";
  let depth = 0;
  let inString = false;
  let escaped = false;
  let pieces: string[] = [];
  let startLine = 0;

  const splitter: JsonValueSplitter = {
    line(text, lineNumber) {
      const chunks: JsonValueChunk[] = [];
      let from = depth > base || inString ? 0 : -1;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (code === 0x5c) escaped = true;
          else if (code === 0x22) inString = false;
          continue;
        }
        if (depth === base && from < 0) {
          if (code === 0x20 || code === 0x09 || code === 0x0d || code === 0xfeff) continue;
          if (listState === "before" && code === 0x5b) {
            listState = "open";
            base = depth = 1;
            continue;
          }
          if (listState === "before") listState = "none";
          if (listState === "open" && code === 0x2c) continue;
          if (listState === "open" && code === 0x5d) {
            listState = "closed";
            base = depth = 0;
            continue;
          }
          from = i;
          startLine = lineNumber;
          if (code !== 0x7b && code !== 0x5b) {
            chunks.push({ source: text.slice(i), line: lineNumber });
            from = -1;
            break;
          }
        }
        if (code === 0x22) inString = true;
        else if (code === 0x7b || code === 0x5b) depth++;
        else if ((code === 0x7d || code === 0x5d) && --depth === base) {
          pieces.push(text.slice(from, i + 1));
          chunks.push({ source: pieces.join(""), line: startLine });
          pieces = [];
          from = -1;
        }
      }
      if (from >= 0) pieces.push(`${text.slice(from)}\n`);
      return chunks;
    },
    end() {
      if (pieces.length === 0) return [];
      const chunk = { source: pieces.join(""), line: startLine };
      pieces = [];
      return [chunk];
    },
  };
  return splitter;
}
