import { InputError } from "../../errors";
import { createJsonValueSplitter, type JsonValueChunk } from "../json-stream";
import { readLabelStudio } from "../labelstudio";
import {
  emitDocument,
  shiftError,
  type Emit,
  type ImportFormat,
  type ReadOptions,
} from "../read-items";

/**
 * Label Studio's JSON export, read a task at a time: the list's elements are cut out as they
 * arrive and each is read as a one-task file, its lines and fields put back in the whole file's
 * terms (`[12].annotations[0]...`).
 */
export const labelStudioImport: ImportFormat = {
  open: (options) => ({
    file(_name, _companion, emit) {
      const splitter = createJsonValueSplitter({ elementsOfList: true });
      let index = 0;
      // A file holds a list of tasks, or a single task; its first character tells which.
      let shape: "list" | "task" | null = null;
      const read = (chunks: JsonValueChunk[]) => {
        for (const chunk of chunks) {
          readTask(chunk, shape === "list" ? `[${index++}]` : "", emit, options);
        }
      };
      return {
        line(text, lineNumber) {
          if (shape === null && text.trim() !== "") {
            shape = text.trimStart().startsWith("[") ? "list" : "task";
          }
          read(splitter.line(text, lineNumber));
        },
        end: () => read(splitter.end()),
      };
    },
  }),
};

function readTask(chunk: JsonValueChunk, prefix: string, emit: Emit, options: ReadOptions) {
  const moved = (error: InputError) => shiftError(error, chunk.line - 1, prefix);
  emitDocument(emit, chunk.line, () => {
    try {
      const { documents, skipped } = readLabelStudio(chunk.source, options);
      for (const entry of skipped) {
        const error = moved(new InputError(entry.line, entry.field, entry.reason));
        emit({
          kind: "left-out",
          entry: { line: error.line, field: error.field, reason: error.reason },
        });
      }
      return documents[0] ?? null;
    } catch (error) {
      throw error instanceof InputError ? moved(error) : error;
    }
  });
}
