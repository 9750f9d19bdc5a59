import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { DomainError } from "@/domain/errors";
import { fileFromPath, type ImportFile } from "./import-file";

/**
 * Files uploaded for an import wait on disk between the preview and the import, so a large file
 * crosses the network once. They belong to the user and project that sent them, and are removed
 * after the import, or an hour later.
 */
export type Upload = {
  id: string;
  projectId: number;
  userId: number;
  folder: string;
  files: { name: string; path: string; size: number }[];
  createdAt: number;
};

const uploadsFolder = path.join(os.tmpdir(), "concord-uploads");
const uploads = new Map<string, Upload>();
const maxAgeMs = 60 * 60 * 1000;
export const maxFileBytes = 2 * 1024 ** 3;

export async function receiveUpload(input: {
  projectId: number;
  userId: number;
  contentType: string;
  body: WebReadableStream<Uint8Array>;
}): Promise<Upload> {
  removeStaleUploads();
  const id = randomUUID();
  const folder = path.join(uploadsFolder, id);
  mkdirSync(folder, { recursive: true });
  const upload: Upload = { ...input, id, folder, files: [], createdAt: Date.now() };
  const writes: Promise<void>[] = [];
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": input.contentType },
      limits: { fileSize: maxFileBytes },
    });
  } catch {
    throw new DomainError("BAD_REQUEST", "send the files as multipart/form-data");
  }
  parser.on("file", (_field, stream, info) => {
    const file = { name: path.basename(info.filename ?? "file"), path: "", size: 0 };
    file.path = path.join(folder, String(upload.files.length));
    upload.files.push(file);
    stream.on("data", (chunk: Buffer) => (file.size += chunk.length));
    stream.on("limit", () =>
      stream.destroy(new DomainError("BAD_REQUEST", `${file.name} is over 2 GB`)),
    );
    writes.push(pipeline(stream, createWriteStream(file.path)));
  });
  try {
    await pipeline(Readable.fromWeb(input.body), parser);
    await Promise.all(writes);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  if (upload.files.length === 0) {
    rmSync(folder, { recursive: true, force: true });
    throw new DomainError("BAD_REQUEST", "the upload holds no file");
  }
  uploads.set(id, upload);
  return upload;
}

/** The upload's files, for the user and project that sent them only. */
export function findUploadFiles(id: string, projectId: number, userId: number): ImportFile[] {
  const upload = uploads.get(id);
  if (!upload || upload.projectId !== projectId || upload.userId !== userId) {
    throw new DomainError(
      "NOT_FOUND",
      "that upload is gone (uploads last an hour): upload the files again",
    );
  }
  return upload.files.map((file) => fileFromPath(file.path, file.name));
}

export function removeUpload(id: string) {
  const upload = uploads.get(id);
  if (!upload) return;
  uploads.delete(id);
  rmSync(upload.folder, { recursive: true, force: true });
}

function removeStaleUploads() {
  for (const upload of uploads.values()) {
    if (Date.now() - upload.createdAt > maxAgeMs) removeUpload(upload.id);
  }
}
