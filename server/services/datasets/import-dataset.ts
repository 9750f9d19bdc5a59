import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/db/open-database";
import { DomainError, FileInputError, InputError } from "@/domain/errors";
import type { ImportFormatName } from "@/domain/formats/catalog";
import { importFormats } from "@/domain/formats/import-formats";
import type { ImportFormat, ImportPlan, ReadOptions, TextFile } from "@/domain/formats/read-items";
import { findProjectBySlug } from "../projects";
import type { ImportFile } from "./import-file";
import {
  createImportSession,
  type ImportPolicy,
  type ImportSession,
  type ImportSummary,
} from "./import-session";
import { forEachLine, readFirstLine, readWholeFile } from "./line-reader";
import { createStaging, discardStaging, publishStaging, type Staging } from "./import-staging";

export type ImportOptions = ReadOptions & ImportPolicy;

export type ImportProgress = { bytesRead: number; totalBytes: number; documents: number };

export type ImportRequest = {
  projectSlug: string;
  format: ImportFormatName;
  files: ImportFile[];
  options?: ImportOptions;
  /** Called after every chunk read (64 KB from a file): throttle before drawing. */
  onProgress?: (progress: ImportProgress) => void;
};

/**
 * Imports files in any format, streaming: each file is read a chunk at a time and its documents
 * checked and staged in one short write transaction per chunk, so memory does not grow with the
 * file and annotators' saves never wait long behind it. Only a complete import is published
 * (import-staging.ts); a refusal anywhere discards what was staged and leaves the project as it
 * was. Errors name file, line and field.
 */
export async function importDataset(db: Db, request: ImportRequest): Promise<ImportSummary> {
  const project = await findProjectBySlug(db, request.projectSlug);
  if (request.files.length === 0) throw new DomainError("BAD_REQUEST", "no file to import");
  const options = request.options ?? {};
  const format = importFormats[request.format];
  const plan = await planImport(format, request.files);
  const shared = await Promise.all(plan.shared.map(readTextFile));
  const totalBytes = request.files.reduce((sum, file) => sum + file.size, 0);
  const sharedBytes = plan.shared.reduce((sum, file) => sum + file.size, 0);

  let session: ImportSession | undefined;
  const run = async (staging?: Staging) => {
    const current = await createImportSession(db, project, options, staging?.projectId);
    session = current;
    const write = () => saveChunk(db, current, !staging);
    const progress = { bytesRead: sharedBytes, totalBytes, documents: 0 };
    const report = async (bytes: number) => {
      await write();
      progress.bytesRead += bytes;
      const { documents, replaced, alreadyPresent } = current.summary;
      progress.documents = documents + replaced + alreadyPresent;
      request.onProgress?.(progress);
    };
    const reader = inFile(shared[0]?.name ?? request.files[0]?.name ?? "", () =>
      format.open(options, shared),
    );
    for (const unit of plan.units) {
      const companion = unit.companion && (await readTextFile(unit.companion));
      if (unit.companion) await report(unit.companion.size);
      const name = unit.file.name;
      const parser = reader.file(name, companion, (item) => current.accept(name, item));
      await inFileAsync(name, async () => {
        await forEachLine(paced(unit.file), parser.line, report);
        parser.end();
        await write();
      });
    }
    const first = request.files[0]?.name ?? "";
    reader.end?.((item) => current.accept(first, item));
    await inFileAsync(first, write);
    return current;
  };
  if (options.dryRun) return (await run()).summary;
  const staging = await createStaging(db, project.id, options.replace ?? false);
  let staged: ImportSession;
  try {
    staged = await run(staging);
  } catch (error) {
    await discardStaging(db, staging, session?.createdUserIds());
    throw error;
  }
  // Past this point the import is published, whatever happens (see import-staging.ts).
  await publishStaging(db, staging, staged);
  return staged.summary;
}

/**
 * The file's chunks, each followed by a pause as long as its checking and staging took: an
 * import keeps at most half of the server's thread, and a save (several steps on that thread)
 * is not queued behind chunk after chunk. It makes a large import slower, never a save.
 */
function paced(file: ImportFile): ImportFile {
  return {
    ...file,
    async *open() {
      for await (const chunk of file.open()) {
        const started = performance.now();
        yield chunk;
        await sleep(performance.now() - started);
      }
    },
  };
}

/**
 * Writes what a chunk of the files held once the chunk is read, in one short transaction: the
 * parsers call back line by line, and a transaction open across the reads would hold the writer
 * lock (SQLite) or a connection (PostgreSQL) while waiting for the file. A dry run writes nothing
 * and only looks documents up.
 */
async function saveChunk(db: Db, session: ImportSession, dryRun: boolean) {
  if (!session.hasUnsaved()) return;
  if (dryRun) await session.save(db);
  else await db.transaction((tx) => session.save(tx));
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
