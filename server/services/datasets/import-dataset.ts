import type { Db } from "@/db/open-database";
import { DomainError, FileInputError, InputError } from "@/domain/errors";
import type { ImportFormatName } from "@/domain/formats/catalog";
import { importFormats } from "@/domain/formats/import-formats";
import type { ImportFormat, ImportPlan, ReadOptions, TextFile } from "@/domain/formats/read-items";
import { findProjectBySlug } from "../projects";
import type { ImportFile } from "./import-file";
import { createImportSession, type ImportPolicy, type ImportSummary } from "./import-session";
import { forEachLine, readFirstLine, readWholeFile } from "./line-reader";
import { inTransaction } from "./transaction";

export type ImportOptions = ReadOptions & ImportPolicy;

export type ImportProgress = { bytesRead: number; totalBytes: number; documents: number };

export type ImportRequest = {
  projectSlug: string;
  format: ImportFormatName;
  files: ImportFile[];
  options?: ImportOptions;
  /** Called after every chunk read (about a megabyte): throttle before drawing. */
  onProgress?: (progress: ImportProgress) => void;
};

/**
 * Imports files in any format, streaming: each file is read a chunk at a time and each document
 * checked and written as it comes, all inside one transaction, so memory does not grow with the
 * file and a refusal anywhere leaves the project as it was. Errors name file, line and field.
 */
export async function importDataset(db: Db, request: ImportRequest): Promise<ImportSummary> {
  const project = findProjectBySlug(db, request.projectSlug);
  if (request.files.length === 0) throw new DomainError("BAD_REQUEST", "no file to import");
  const options = request.options ?? {};
  const format = importFormats[request.format];
  const plan = await planImport(format, request.files);
  const shared = await Promise.all(plan.shared.map(readTextFile));
  const totalBytes = request.files.reduce((sum, file) => sum + file.size, 0);
  const sharedBytes = plan.shared.reduce((sum, file) => sum + file.size, 0);

  const run = async () => {
    const session = createImportSession(db, project, options);
    const progress = { bytesRead: sharedBytes, totalBytes, documents: 0 };
    const report = (bytes: number) => {
      progress.bytesRead += bytes;
      const { documents, replaced, alreadyPresent } = session.summary;
      progress.documents = documents + replaced + alreadyPresent;
      request.onProgress?.(progress);
    };
    const reader = inFile(shared[0]?.name ?? request.files[0]?.name ?? "", () =>
      format.open(options, shared),
    );
    for (const unit of plan.units) {
      const companion = unit.companion && (await readTextFile(unit.companion));
      if (unit.companion) report(unit.companion.size);
      const name = unit.file.name;
      const parser = reader.file(name, companion, (item) => session.accept(name, item));
      await inFileAsync(name, async () => {
        await forEachLine(unit.file, parser.line, report);
        parser.end();
      });
    }
    reader.end?.((item) => session.accept(request.files[0]?.name ?? "", item));
    return session.summary;
  };
  return options.dryRun ? run() : inTransaction(db, run);
}

async function planImport(
  format: ImportFormat,
  files: ImportFile[],
): Promise<ImportPlan<ImportFile>> {
  if (!format.plan) return { units: files.map((file) => ({ file })), shared: [] };
  return format.plan(files, (file) => inFileAsync(file.name, () => readFirstLine(file)));
}

function readTextFile(file: ImportFile): Promise<TextFile> {
  return inFileAsync(file.name, async () => ({ name: file.name, text: await readWholeFile(file) }));
}

/** Errors of a file's reader name the line; this adds the file. */
function inFile<T>(name: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw locate(name, error);
  }
}

async function inFileAsync<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw locate(name, error);
  }
}

function locate(name: string, error: unknown) {
  return error instanceof InputError && !(error instanceof FileInputError)
    ? new FileInputError(name, error)
    : error;
}
