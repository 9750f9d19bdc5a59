import { parseTxtLine, readTxt } from "../txt";
import { baseName } from "../file-names";
import { emitDocument, type ImportFormat } from "../read-items";

/**
 * Plain text: one document per file, its id the file name without extension, its text exactly as
 * written; or, with `lines`, one document per non-blank line, the file and line kept in meta.
 */
export const txtImport: ImportFormat = {
  open: (options) => ({
    file(name, _companion, emit) {
      if (options.lines) {
        return {
          line(text, lineNumber) {
            emitDocument(emit, lineNumber, () => {
              const record = parseTxtLine(text, lineNumber);
              return record && { ...record, meta: { file: baseName(name), ...record.meta } };
            });
          },
          end() {},
        };
      }
      const parts: string[] = [];
      return {
        line: (text, _line, ending) => parts.push(text + ending),
        end: () =>
          emitDocument(emit, 1, () => readTxt(parts.join(""), { id: baseName(name) })[0] ?? null),
      };
    },
  }),
};
