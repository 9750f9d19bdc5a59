import { Worker } from "node:worker_threads";
import { reopenableUrl, type Db } from "@/db/open-database";
import {
  computeAgreement,
  listDocumentsByDisagreement,
  readAgreementFingerprint,
} from "./agreement";

type Results = {
  agreement: Awaited<ReturnType<typeof computeAgreement>>;
  documents: Awaited<ReturnType<typeof listDocumentsByDisagreement>>;
};
type Kind = keyof Results;

/** A computation for the worker, on the database at `url`, which it opens itself. */
export type AgreementJob = { id: number; kind: Kind; url: string; projectId: number };
export type AgreementJobResult =
  { id: number; fingerprint: string; value: Results[Kind] } | { id: number; error: string };

type Cached = { fingerprint: string; value: Promise<Results[Kind]> };

/** A few projects' results: what the agreement and disagreement tabs show, until a layer changes. */
const cacheSize = 16;
const cache = new Map<string, Cached>();

/**
 * Agreement of a project, computed off the request thread (it takes seconds on a large project
 * and would stall every save meanwhile) and kept until anything it reads changes, so reopening
 * the page costs one fingerprint query.
 */
export function computeAgreementOffThread(db: Db, projectId: number) {
  return cached(db, "agreement", projectId) as Promise<Results["agreement"]>;
}

/** listDocumentsByDisagreement, off the request thread and cached like the agreement. */
export function listDocumentsByDisagreementOffThread(db: Db, projectId: number) {
  return cached(db, "documents", projectId) as Promise<Results["documents"]>;
}

async function cached(db: Db, kind: Kind, projectId: number): Promise<Results[Kind]> {
  const url = reopenableUrl(db);
  // A second thread can open neither a private in-memory database (tests) nor a transaction.
  if (url === undefined) return computeInline(db, kind, projectId);
  const key = `${kind}:${projectId}:${url}`;
  const fingerprint = await readAgreementFingerprint(db, projectId);
  const hit = cache.get(key);
  if (hit?.fingerprint === fingerprint) return hit.value;
  const value = runInWorker({ kind, url, projectId }).then(
    (result) => {
      // The worker read a snapshot at least as new as ours: file it under what it saw.
      if (cache.get(key)?.value === value)
        remember(key, { fingerprint: result.fingerprint, value });
      return result.value;
    },
    (error: unknown) => {
      if (cache.get(key)?.value === value) cache.delete(key);
      throw error;
    },
  );
  remember(key, { fingerprint, value });
  return value;
}

function remember(key: string, entry: Cached) {
  cache.delete(key);
  cache.set(key, entry);
  for (const oldest of cache.keys()) {
    if (cache.size <= cacheSize) break;
    cache.delete(oldest);
  }
}

function computeInline(db: Db, kind: Kind, projectId: number): Promise<Results[Kind]> {
  return kind === "agreement"
    ? computeAgreement(db, projectId)
    : listDocumentsByDisagreement(db, projectId);
}

let worker: Worker | undefined;
let nextJobId = 1;
const pending = new Map<
  number,
  {
    resolve: (result: { fingerprint: string; value: Results[Kind] }) => void;
    reject: (error: Error) => void;
  }
>();

function runInWorker(job: Omit<AgreementJob, "id">) {
  const id = nextJobId++;
  const thread = (worker ??= startWorker());
  thread.ref();
  return new Promise<{ fingerprint: string; value: Results[Kind] }>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.postMessage({ ...job, id } satisfies AgreementJob);
  });
}

function startWorker(): Worker {
  const thread = createWorker();
  thread.on("message", (result: AgreementJobResult) => {
    const job = pending.get(result.id);
    pending.delete(result.id);
    // An idle worker must not keep a command-line process or a test run alive.
    if (pending.size === 0) thread.unref();
    if (!job) return;
    if ("error" in result) job.reject(new Error(`agreement failed: ${result.error}`));
    else job.resolve(result);
  });
  const fail = (error: Error) => {
    if (worker === thread) worker = undefined;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  thread.on("error", fail);
  thread.on("exit", (code) => fail(new Error(`the agreement worker stopped (exit code ${code})`)));
  return thread;
}

/**
 * The production build compiles the worker's entry to JavaScript beside the server's code
 * (Turbopack bundles `new Worker(new URL(...))`); run from source (Vitest, the CLI) the entry is
 * TypeScript, which Node 20 runs only through tsx's loader. Next.js names its runtime in
 * NEXT_RUNTIME, which nothing configures (so it is not part of env.ts); Turbopack keeps
 * import.meta.url at the source's name, so that cannot tell the two apart.
 */
function createWorker(): Worker {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    return new Worker(new URL("./agreement-worker.ts", import.meta.url));
  }
  const entry = import.meta.url.replace(/agreement-jobs\.ts$/, "agreement-worker.ts");
  const bootstrap = `import("tsx/esm/api").then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry)}))`;
  return new Worker(bootstrap, { eval: true });
}
