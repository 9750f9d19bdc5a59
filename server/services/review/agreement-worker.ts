/**
 * The agreement computation's thread: it reads the database through a read-only connection of
 * its own (WAL lets it read beside the server's writes) and posts the result back, so that the
 * server's thread goes on answering saves meanwhile. One job at a time, in arrival order.
 */
import { parentPort } from "node:worker_threads";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "@/db/schema";
import {
  computeAgreement,
  listDocumentsByDisagreement,
  readAgreementFingerprint,
} from "./agreement";
import type { AgreementJob, AgreementJobResult } from "./agreement-jobs";

const connections = new Map<string, ReturnType<typeof openReadOnly>>();

function openReadOnly(file: string) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema, casing: "snake_case" });
}

function run(job: AgreementJob): AgreementJobResult {
  let db = connections.get(job.file);
  if (!db) {
    db = openReadOnly(job.file);
    connections.set(job.file, db);
  }
  const read = db;
  // One read transaction: the fingerprint describes exactly the snapshot the result comes from.
  return db.$client.transaction(() => {
    const fingerprint = readAgreementFingerprint(read, job.projectId);
    const value =
      job.kind === "agreement"
        ? computeAgreement(read, job.projectId)
        : listDocumentsByDisagreement(read, job.projectId);
    return { id: job.id, fingerprint, value };
  })();
}

parentPort?.on("message", (job: AgreementJob) => {
  try {
    parentPort?.postMessage(run(job));
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: String((error as Error).message ?? error) });
  }
});
