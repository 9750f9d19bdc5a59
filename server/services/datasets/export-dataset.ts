import type { Db } from "@/db/open-database";
import { DomainError } from "@/domain/errors";
import { formatCatalog, type ExportFormatName } from "@/domain/formats/catalog";
import { exportFormats } from "@/domain/formats/export-formats";
import type { OffsetUnit } from "@/domain/formats/file-spans";
import type { FlattenPolicy } from "@/domain/formats/fragment-policy";
import { noDetailCounts } from "@/domain/formats/record-details";
import type { TagScheme } from "@/domain/formats/tags";
import type { ExportContext, ExportSummary } from "@/domain/formats/writers/export-format";
import { findProjectBySlug, listLabels } from "../projects";
import { feedDocuments, type ExportFileStream } from "./document-feed";
import { formatExportSource, type ExportSource } from "./export-source";
import { countExportDocuments, findDocumentWithSeveralLayers } from "./export-counts";
import { readProjectPages } from "./read-project";
import { zipFiles } from "./zip";

export type ExportRequest = {
  projectSlug: string;
  format: ExportFormatName;
  source: ExportSource;
  /** Token formats; default IOB2. */
  scheme?: TagScheme;
  /** doccano only; default code points, like every export ("utf-16" for doccano's own UI). */
  offsets?: OffsetUnit;
  /** Formats without discontinuous spans; default "split". */
  discontinuous?: FlattenPolicy;
};

export type DatasetExport = {
  /** What to call the download, e.g. `news-gold.conll` or `news-all-brat.zip`. */
  fileName: string;
  contentType: string;
  /** The documents the export writes (those left out are counted in the summary). */
  documentCount: number;
  /** The export's files, produced as they are read; brat and hf have several. */
  files: AsyncIterable<ExportFileStream>;
  /** Filled in as the files are read: complete once they have been. */
  summary: ExportSummary;
};

/**
 * Prepares an export, refusing before a byte is written what cannot be exported: an unknown
 * project, or several annotators' layers on one document for a format that holds one.
 */
export async function exportDataset(db: Db, request: ExportRequest): Promise<DatasetExport> {
  const project = await findProjectBySlug(db, request.projectSlug);
  const format = exportFormats[request.format];
  if (formatCatalog[request.format].oneLayer && request.source.kind === "all") {
    const shared = await findDocumentWithSeveralLayers(db, project.id);
    if (shared) {
      throw new DomainError(
        "BAD_REQUEST",
        `${request.format} holds one annotator's spans per document, but document ${shared.externalId ?? `#${shared.id}`} has spans by ${shared.annotators}: export --source gold or annotator:NAME`,
      );
    }
  }
  const counts = await countExportDocuments(db, project.id, request.source);
  const labels = await listLabels(db, project.id);
  const context: ExportContext = {
    labels: labels.map((label) => label.name),
    scheme: request.scheme ?? "iob2",
    offsets: request.offsets ?? "code-points",
    discontinuous: request.discontinuous ?? "split",
    summary: {
      documents: 0,
      leftOut: counts.leftOut,
      spans: 0,
      unalignedSpans: 0,
      overlappingSpans: 0,
      detailsLeftOut: noDetailCounts(),
      discontinuousSpans: 0,
      discontinuous: request.discontinuous ?? "split",
    },
  };
  const source = formatExportSource(request.source).replace(":", "-");
  const multiFile = format.extension === "zip";
  return {
    fileName: `${project.slug}-${source}${multiFile ? `-${request.format}` : ""}.${format.extension}`,
    contentType: format.contentType,
    documentCount: counts.documents,
    files: feedDocuments(readProjectPages(db, project.id, request.source), (documents) =>
      format.files(documents, context),
    ),
    summary: context.summary,
  };
}

/** The export as one stream of bytes: the file itself, or a zip of its files. */
export async function* exportBytes(dataset: DatasetExport): AsyncGenerator<Uint8Array> {
  if (dataset.contentType === "application/zip") {
    yield* zipFiles(dataset.files);
    return;
  }
  const encoder = new TextEncoder();
  let pending = "";
  for await (const file of dataset.files) {
    for await (const chunk of file.chunks) {
      pending += chunk;
      // Chunks of about 64 KB: few enough writes, little held.
      if (pending.length >= 1 << 16) {
        yield encoder.encode(pending);
        pending = "";
      }
    }
  }
  if (pending !== "") yield encoder.encode(pending);
}

/** Runs the export to the end without keeping it: its summary (spans left out, ...). */
export async function exportFileSummary(dataset: DatasetExport): Promise<ExportSummary> {
  for await (const file of dataset.files) {
    for await (const chunk of file.chunks) void chunk;
  }
  return dataset.summary;
}
