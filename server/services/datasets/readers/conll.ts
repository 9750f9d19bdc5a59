import { InputError } from "@/domain/errors";
import { createConllReader } from "@/domain/formats/conll";
import type { DocumentRecord } from "@/domain/formats/jsonl";
import type { ImportFormat } from "../read-items";

/**
 * CoNLL-2003 style: a document per -DOCSTART- (or per file), text rebuilt from the tokens. A bad
 * line makes its whole document invalid; reading goes on at the next -DOCSTART-.
 */
export const conllImport: ImportFormat = {
  open: (options) => ({
    file(_name, _companion, emit) {
      const reader = createConllReader(options);
      let firstLine: number | null = null;
      let failure: InputError | null = null;
      // Where each token starts in the rebuilt text (tokens and sentences joined by one
      // character), so a refused span is reported on its own line.
      let tokenLines = new Map<number, number>();
      let offset = 0;
      const close = (document: DocumentRecord | null) => {
        const lines = tokenLines;
        const lineOfSpan = (start: number) => lines.get(start) ?? firstLine ?? 1;
        if (failure) emit({ kind: "invalid", error: failure });
        else if (document) {
          emit({ kind: "document", line: firstLine ?? 1, record: document, lineOfSpan });
        }
        failure = null;
        firstLine = null;
        tokenLines = new Map();
        offset = 0;
      };
      const attempt = (read: () => DocumentRecord | null) => {
        try {
          return read();
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          failure ??= error;
          return null;
        }
      };
      return {
        line(text, lineNumber) {
          const trimmed = text.trim();
          if (trimmed.startsWith("-DOCSTART-")) return close(attempt(() => reader.readLine(text)));
          if (trimmed !== "") {
            firstLine ??= lineNumber;
            const token = trimmed.split(trimmed.includes("\t") ? /\s*\t\s*/ : /\s+/)[0] ?? "";
            tokenLines.set(offset, lineNumber);
            offset += token.length + 1;
          }
          attempt(() => reader.readLine(text));
        },
        end: () => close(attempt(() => reader.finish())),
      };
    },
  }),
};
