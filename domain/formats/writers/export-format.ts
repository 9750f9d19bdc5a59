import type { OffsetUnit } from "../file-spans";
import type { TagScheme } from "../tags";
import type { DocumentRecord } from "../jsonl";

/** A document as stored: its row id (to name files when it has no external id) and its record. */
export type StoredDocument = { id: number; record: DocumentRecord };

/**
 * Documents a gold or one-annotator export does not write, since an empty layer would read as
 * "nothing to tag here": those without such a layer, and those whose gold is not curated yet.
 */
export type ExportLeftOut = { withoutLayer: number; uncurated: number };

export type ExportSummary = {
  documents: number;
  leftOut: ExportLeftOut;
  /** Spans in the layers exported. */
  spans: number;
  /** Token formats: spans whose ends fall inside a token, left out rather than moved. */
  unalignedSpans: number;
  /** Token formats: spans sharing a token with another, left out (a token has one tag). */
  overlappingSpans: number;
};

export type ExportContext = {
  /** The project's labels in order: tag ids and brat's entity types follow it. */
  labels: string[];
  scheme: TagScheme;
  /** doccano only; every other format writes code points. */
  offsets: OffsetUnit;
  summary: ExportSummary;
};

/** One file of an export, its content produced as it is read. */
export type ExportFile = { name: string; chunks: Iterable<string> };

export type ExportFormat = {
  extension: string;
  contentType: string;
  /** The files, produced lazily as documents are read; several files are delivered as a zip. */
  files(documents: Iterable<StoredDocument>, context: ExportContext): Iterable<ExportFile>;
};

/** A one-file format written a document at a time, with an optional opening and closing. */
export function singleFile(
  extension: string,
  contentType: string,
  write: (document: StoredDocument, context: ExportContext, index: number) => string,
  frame: { open?: string; separator?: string; close?: string; empty?: string } = {},
): ExportFormat {
  return {
    extension,
    contentType,
    files: (documents, context) => [
      {
        name: `data.${extension}`,
        chunks: (function* () {
          let index = 0;
          for (const document of documents) {
            yield `${index === 0 ? (frame.open ?? "") : (frame.separator ?? "")}${write(document, context, index)}`;
            index++;
          }
          yield index === 0 ? (frame.empty ?? "") : (frame.close ?? "");
        })(),
      },
    ],
  };
}

/** Counts what a document brings to the summary; token formats add what they could not place. */
export function countDocument(context: ExportContext, document: StoredDocument) {
  context.summary.documents++;
  for (const annotation of document.record.annotations) {
    context.summary.spans += annotation.spans.length;
  }
}
