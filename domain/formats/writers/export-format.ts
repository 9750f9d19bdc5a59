import { countOf } from "../../count-of";
import type { OffsetUnit } from "../file-spans";
import { flattenFragments, type FlattenPolicy } from "../fragment-policy";
import { countDetails, describeLeftOut, detailKinds, type DetailCounts } from "../record-details";
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
  /** What the format has no place for, left out and counted (see describeLeftOut). */
  detailsLeftOut: DetailCounts;
  /** Discontinuous spans written by the `discontinuous` policy, in formats that cannot hold them. */
  discontinuousSpans: number;
  discontinuous: FlattenPolicy;
};

const flattened: Record<FlattenPolicy, string> = {
  split: "written as separate spans",
  merge: "merged into one span each",
  skip: "left out",
};

/** The summary's lines on what the format could not hold, for people (CLI, Datasets tab). */
export function describeDetailsLeftOut(summary: ExportSummary): string[] {
  const lines: string[] = [];
  const leftOut = describeLeftOut(summary.detailsLeftOut);
  if (leftOut) lines.push(`${leftOut}: the format has no place for them`);
  if (summary.discontinuousSpans > 0) {
    lines.push(
      `${countOf(summary.discontinuousSpans, "discontinuous span")} ${flattened[summary.discontinuous]}: the format cannot hold their fragments`,
    );
  }
  return lines;
}

export type ExportContext = {
  /** The project's labels in order: tag ids and brat's entity types follow it. */
  labels: string[];
  scheme: TagScheme;
  /** doccano only; every other format writes code points. */
  offsets: OffsetUnit;
  /** Formats without discontinuous spans: what becomes of one. */
  discontinuous: FlattenPolicy;
  summary: ExportSummary;
};

/** What a format's files hold beyond labelled spans. */
export type Holds = readonly (keyof DetailCounts)[];

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

/**
 * Counts what a document brings to the summary, and gives it as the format can hold it: what it
 * has no place for is counted as left out, discontinuous spans follow the context's policy.
 * Token formats add what they could not place.
 */
export function countDocument(
  context: ExportContext,
  document: StoredDocument,
  holds: Holds = detailKinds,
): StoredDocument {
  const { summary } = context;
  summary.documents++;
  const leftOut = detailKinds.filter((kind) => !holds.includes(kind) && kind !== "fragments");
  const annotations = document.record.annotations.map((annotation) => {
    summary.spans += annotation.spans.length;
    countDetails(summary.detailsLeftOut, annotation, leftOut);
    if (holds.includes("fragments")) return annotation;
    const flat = flattenFragments(annotation, context.discontinuous);
    summary.discontinuousSpans += flat.discontinuous;
    if (holds.includes("relations")) summary.detailsLeftOut.relations += flat.relationsDropped;
    return flat.layer;
  });
  return { ...document, record: { ...document.record, annotations } };
}
