import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
} from "@playwright/test";

/**
 * The production server on a database of its own, killed with SIGKILL in the middle of a burst
 * of saves from several annotators over HTTP: after a restart, every save it acknowledged is
 * there and the database passes its integrity check.
 */
const port = Number(process.env.E2E_PORT_BASE ?? 3100) + 50;
const baseURL = `http://127.0.0.1:${port}`;
const annotators = 8;
const password = "crash-test-password";
const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
const text = words.join(" ");

let folder: string;
let database: string;
let server: ChildProcess | undefined;

function cli(...args: string[]) {
  return execFileSync("node_modules/.bin/tsx", ["cli/index.ts", ...args], {
    env: { ...process.env, DATABASE_URL: database },
    encoding: "utf8",
  });
}

async function startServer() {
  server = spawn(
    "node",
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        DATABASE_URL: database,
        AUTH_SECRET: "crash-test-secret",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: "ignore",
    },
  );
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const healthy = await fetch(`${baseURL}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not answer /api/health within a minute");
}

async function killServer() {
  const running = server;
  server = undefined;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once("exit", resolve));
  running.kill("SIGKILL");
  await exited;
}

/** An HTTP client signed in through Auth.js's credentials endpoint, as a browser form would. */
async function signedIn(email: string): Promise<APIRequestContext> {
  const client = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { origin: baseURL },
  });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const response = await client.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/projects" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const session = await client.get("/api/auth/session");
  expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe(email);
  return client;
}

test.beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), "concord-crash-"));
  database = path.join(folder, "crash.db");
  cli("project", "create", "--slug", "crash", "--name", "Crash", "--labels", "ORG");
  const documents = Array.from({ length: annotators }, (_, i) =>
    JSON.stringify({ id: `d${i}`, text }),
  );
  writeFileSync(path.join(folder, "documents.jsonl"), documents.join("\n") + "\n");
  cli("import", "--project", "crash", "--format", "jsonl", path.join(folder, "documents.jsonl"));
  for (let i = 0; i < annotators; i++) {
    const email = `a${i}@crash.test`;
    cli("user", "add", "--email", email, "--name", `a${i}`, "--password", password);
    cli("member", "add", "--project", "crash", "--email", email, "--role", "annotator");
  }
});

test.afterAll(async () => {
  await killServer();
  rmSync(folder, { recursive: true, force: true });
});

test("every acknowledged save survives a SIGKILL mid-burst, and the database stays sound", async () => {
  test.setTimeout(120_000);
  const setup = new Database(database, { readonly: true });
  const labelId = (setup.prepare("select id from labels").get() as { id: number }).id;
  const documentIds = (
    setup.prepare("select id from documents order by external_id").all() as { id: number }[]
  ).map((row) => row.id);
  setup.close();

  await startServer();
  const clients = await Promise.all(
    Array.from({ length: annotators }, (_, i) => signedIn(`a${i}@crash.test`)),
  );
  const acknowledged: { documentId: number; start: number; end: number }[] = [];
  let killed = false;

  const annotate = async (client: APIRequestContext, documentId: number) => {
    // Each save names the layer version the one before it answered with, as the page does.
    let baseVersion = 0;
    for (let w = 0; w < words.length && !killed; w++) {
      const start = text.indexOf(`${words[w]} `);
      const span = { start, end: start + (words[w]?.length ?? 0), labelId };
      const response = await client
        .post("/api/trpc/annotation.edit", {
          data: { json: { documentId, baseVersion, edits: [{ kind: "add", spans: [span] }] } },
        })
        .catch(() => null);
      const answer = response?.ok() ? await response.json().catch(() => null) : null;
      if (!answer) continue;
      acknowledged.push({ documentId, ...span });
      baseVersion = (answer as { result: { data: { json: { version: number } } } }).result.data.json
        .version;
    }
  };
  const burst = clients.map((client, i) => annotate(client, documentIds[i] ?? 0));
  // Kill once the burst is well under way: enough saves acknowledged, more in flight.
  while (acknowledged.length < 150) await new Promise((resolve) => setTimeout(resolve, 20));
  killed = true;
  await killServer();
  await Promise.all(burst);
  await Promise.all(clients.map((client) => client.dispose()));

  await startServer();
  const after = new Database(database, { readonly: true });
  expect(after.pragma("integrity_check", { simple: true })).toBe("ok");
  const stored = new Set(
    (
      after
        .prepare(
          "select a.document_id as documentId, s.start, s.end from spans s join annotations a on a.id = s.annotation_id",
        )
        .all() as { documentId: number; start: number; end: number }[]
    ).map((span) => `${span.documentId}:${span.start}:${span.end}`),
  );
  after.close();
  const lost = acknowledged.filter(
    (span) => !stored.has(`${span.documentId}:${span.start}:${span.end}`),
  );
  expect(acknowledged.length).toBeGreaterThanOrEqual(150);
  expect(lost).toEqual([]);
});
