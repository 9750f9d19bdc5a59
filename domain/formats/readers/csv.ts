import { InputError } from "../../errors";
import { readCsvDocuments } from "../csv";
import type { DocumentRecord } from "../jsonl";
import { emitDocument, shiftError, type Emit, type ImportFormat } from "../read-items";
import { createSpanTable, isSpanTableHeader } from "./csv-span-table";

/**
 * CSV documents (a `text` column; `id` the document id; other columns to meta), read a record at a
 * time: a record ends at a line break outside quotes, i.e. once its quotes are balanced. Span
 * tables (`document_id,annotator,start,end,label[,text]`, what the CSV export writes) given with
 * them are read first and their spans attached to the documents they name.
 */
export const csvImport: ImportFormat = {
  async plan(files, firstLine) {
    const headers = await Promise.all(files.map(firstLine));
    const isSpanTable = (i: number) => isSpanTableHeader(headers[i] ?? "");
    return {
      units: files.filter((_, i) => !isSpanTable(i)).map((file) => ({ file })),
      shared: files.filter((_, i) => isSpanTable(i)),
    };
  },
  open(_options, shared) {
    const spans = createSpanTable(shared);
    return {
      file: (_name, _companion, emit) => csvDocumentParser(emit, spans.attach),
      end: () => spans.reportUnused(),
    };
  },
};

function csvDocumentParser(emit: Emit, attach: (record: DocumentRecord) => DocumentRecord) {
  let header: string | null = null;
  let pieces: string[] = [];
  let firstLine = 0;
  let quotes = 0;

  const finishRecord = () => {
    const record = pieces.join("");
    pieces = [];
    quotes = 0;
    if (header === null) {
      header = record;
      // Checks the header alone: a missing `text` column rejects the file.
      readCsvDocuments(`${header}\n`);
      return;
    }
    const at = firstLine;
    emitDocument(emit, at, () => {
      const document = readRecord(header ?? "", record, at);
      return document ? attach(document) : null;
    });
  };

  return {
    line(text: string, lineNumber: number, ending: string) {
      if (pieces.length === 0) {
        if (text.trim() === "") return;
        firstLine = lineNumber;
      }
      pieces.push(text);
      quotes += countQuotes(text);
      if (quotes % 2 === 0) finishRecord();
      else pieces.push(ending);
    },
    end() {
      if (pieces.length > 0) finishRecord();
      if (header === null) readCsvDocuments("");
    },
  };
}

function readRecord(header: string, record: string, line: number): DocumentRecord | null {
  try {
    return readCsvDocuments(`${header}\n${record}`)[0] ?? null;
  } catch (error) {
    // Line 2 of that two-line table is the record's first line in the file.
    throw error instanceof InputError ? shiftError(error, line - 2) : error;
  }
}

function countQuotes(text: string): number {
  let count = 0;
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) count++;
  return count;
}
