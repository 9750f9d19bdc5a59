import { parseDoccanoRecord } from "../doccano";
import { createJsonValueSplitter, type JsonValueChunk } from "../json-stream";
import { emitDocument, type Emit, type ImportFormat } from "../read-items";

/**
 * doccano JSONL (also pretty-printed objects one after another). Offsets are UTF-16 code units, as
 * doccano writes them, unless a record or the `offsets` option says code points.
 */
export const doccanoImport: ImportFormat = {
  open: (options) => ({
    file(_name, _companion, emit) {
      const splitter = createJsonValueSplitter();
      const read = (chunks: JsonValueChunk[]) => readChunks(chunks, emit, options);
      return {
        line: (text, lineNumber) => read(splitter.line(text, lineNumber)),
        end: () => read(splitter.end()),
      };
    },
  }),
};

function readChunks(
  chunks: JsonValueChunk[],
  emit: Emit,
  options: { offsets?: "code-points" | "utf-16"; annotator?: string },
) {
  for (const chunk of chunks) {
    emitDocument(emit, chunk.line, () => {
      const { document, skipped } = parseDoccanoRecord(chunk.source, chunk.line, options);
      for (const entry of skipped) emit({ kind: "left-out", entry });
      return document;
    });
  }
}
