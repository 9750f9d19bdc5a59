/**
 * The agreement computation's thread: it opens the database from its URL, reads it in one
 * consistent snapshot on that connection of its own (beside the server's writes) and posts the
 * result back, so that the server's thread goes on answering saves meanwhile. One job at a time,
 * in arrival order.
 */
import { parentPort } from "node:worker_threads";
import { closeDatabase, openDatabase } from "@/db/open-database";
import { readInSnapshot } from "@/db/read-snapshot";
import {
  computeAgreement,
  listDocumentsByDisagreement,
  readAgreementFingerprint,
} from "./agreement";
import type { AgreementJob, AgreementJobResult } from "./agreement-jobs";

async function run(job: AgreementJob): Promise<AgreementJobResult> {
  try {
    return { id: job.id, ...(await compute(job)) };
  } catch (error) {
    return { id: job.id, error: String((error as Error).message ?? error) };
  }
}

async function compute({ url, kind, projectId }: AgreementJob) {
  // One connection is all a snapshot uses; closed after the job, so an idle worker holds none.
  const db = openDatabase(url, { poolSize: 1 });
  try {
    // The fingerprint describes exactly the snapshot the result comes from.
    return await readInSnapshot(db, async (snapshot) => ({
      fingerprint: await readAgreementFingerprint(snapshot, projectId),
      value:
        kind === "agreement"
          ? await computeAgreement(snapshot, projectId)
          : await listDocumentsByDisagreement(snapshot, projectId),
    }));
  } finally {
    await closeDatabase(db);
  }
}

let queue = Promise.resolve();

parentPort?.on("message", (job: AgreementJob) => {
  queue = queue.then(async () => parentPort?.postMessage(await run(job)));
});
