import { InputError } from "../../errors";
import { createConllReader, isDocumentStart, type ConllDocument } from "../conll";
import type { ImportFormat } from "../read-items";

/**
 * CoNLL-2003 style: a document per -DOCSTART- (or per file), text rebuilt from the tokens. A bad
 * line makes its whole document invalid; reading goes on at the next -DOCSTART-.
 */
export const conllImport: ImportFormat = {
  open: (options) => ({
    file(_name, _companion, emit) {
      const reader = createConllReader(options);
      let failure: InputError | null = null;
      const close = (document: ConllDocument | null) => {
        if (failure) emit({ kind: "invalid", error: failure });
        else if (document) {
          const { record, line, lineOfSpan } = document;
          emit({ kind: "document", line, record, lineOfSpan });
        }
        failure = null;
      };
      const attempt = (read: () => ConllDocument | null) => {
        try {
          return read();
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          failure ??= error;
          return null;
        }
      };
      return {
        line(text) {
          const document = attempt(() => reader.readLine(text));
          if (isDocumentStart(text)) close(document);
        },
        end: () => close(attempt(() => reader.finish())),
      };
    },
  }),
};
