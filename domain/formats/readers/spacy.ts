import { parseSpacyRecord } from "../spacy";
import { perLine, type ImportFormat } from "../read-items";

/** spaCy JSONL, `{"text", "ents": [[start, end, label]]}` in code points. */
export const spacyImport: ImportFormat = {
  open: (options) => ({
    file: (_name, _companion, emit) =>
      perLine(emit, (text, line) => parseSpacyRecord(text, line, options)),
  }),
};
