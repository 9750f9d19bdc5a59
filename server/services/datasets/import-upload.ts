import type { Db } from "@/db/open-database";
import type { ImportFormatName } from "@/domain/formats/catalog";
import { importDataset, type ImportOptions, type ImportProgress } from "./import-dataset";
import { findUploadFiles, removeUpload } from "./uploads";

export type UploadImport = {
  projectSlug: string;
  projectId: number;
  userId: number;
  uploadId: string;
  format: ImportFormatName;
  options: ImportOptions;
};

export type UploadProgress = ImportProgress & { step: "preview" | "import" };

const progressByUpload = new Map<string, UploadProgress>();

/** What importing the upload would do: every document checked, nothing written. */
export function previewUpload(db: Db, request: UploadImport) {
  return run(db, request, "preview");
}

/** Imports the upload, all or nothing, and removes its files once they are in. */
export async function importUpload(db: Db, request: UploadImport) {
  const summary = await run(db, request, "import");
  removeUpload(request.uploadId);
  return summary;
}

/** How far the upload's preview or import has read, for a page to show while it waits. */
export function findUploadProgress(uploadId: string): UploadProgress | null {
  return progressByUpload.get(uploadId) ?? null;
}

async function run(db: Db, request: UploadImport, step: UploadProgress["step"]) {
  const files = findUploadFiles(request.uploadId, request.projectId, request.userId);
  try {
    return await importDataset(db, {
      projectSlug: request.projectSlug,
      format: request.format,
      files,
      options: { ...request.options, dryRun: step === "preview" },
      onProgress: (progress) => progressByUpload.set(request.uploadId, { ...progress, step }),
    });
  } finally {
    progressByUpload.delete(request.uploadId);
  }
}
