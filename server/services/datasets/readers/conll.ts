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
      const close = (document: DocumentRecord | null) => {
        if (failure) emit({ kind: "invalid", error: failure });
        else if (document) emit({ kind: "document", line: firstLine ?? 1, record: document });
        failure = null;
        firstLine = null;
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
          if (trimmed !== "") firstLine ??= lineNumber;
          attempt(() => reader.readLine(text));
        },
        end: () => close(attempt(() => reader.finish())),
      };
    },
  }),
};
