import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@/db/open-database";
import { formatJsonlRecord } from "@/domain/formats/jsonl";
import { importJsonl } from "@/server/services/datasets/import-jsonl";
import { createProject, setMembership } from "@/server/services/projects";
import { createUser } from "@/server/services/users";
import { benchLabels, generateDocuments } from "./generate-project";

/**
 * Heavy work beside annotators, on the production build: 20 annotators each save a span once a
 * second while (a) a 100,000-document import, (b) a full export and (c) the agreement page of a
 * 20,000-document project run, each beside the same saves with nothing heavy running. Goal: no
 * save waits more than 200 ms. BENCH_HEAVY_IMPORT, BENCH_HEAVY_AGREEMENT and
 * BENCH_HEAVY_ANNOTATORS scale it down; BENCH_HEAVY_PORT (default 3360); BENCH_SKIP_BUILD=1.
 */
const sizes = {
  import: Number(process.env.BENCH_HEAVY_IMPORT ?? 100_000),
  agreement: Number(process.env.BENCH_HEAVY_AGREEMENT ?? 20_000),
  annotators: Number(process.env.BENCH_HEAVY_ANNOTATORS ?? 20),
};
const baselineSeconds = 10;
const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const base = `http://127.0.0.1:${Number(process.env.BENCH_HEAVY_PORT ?? 3360)}`;
const password = "bench-password";
const lead = "lead@bench.test";

export async function benchHeavyWork() {
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "ignore" });
    if (build.status !== 0) throw new Error("next build failed; run `npm run build` to see why");
  }
  const folder = mkdtempSync(path.join(os.tmpdir(), "concord-heavy-bench-"));
  const database = path.join(folder, "bench.db");
  const importFile = path.join(folder, "import.jsonl");
  const seeded = await seed(database, importFile);
  const server = spawn(
    process.execPath,
    [nextBin, "start", "-p", new URL(base).port, "-H", "127.0.0.1"],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: database,
        AUTH_SECRET: "bench-only-secret-not-for-production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: "ignore",
    },
  );
  try {
    await waitForServer();
    const annotators = await Promise.all(
      seeded.annotators.map(async (email, i) => ({
        client: await signIn(email),
        documentId: seeded.documentIds[i] as number,
      })),
    );
    const owner = await signIn(lead);
    console.log(
      `Heavy work beside ${sizes.annotators} annotators saving once a second (production build)`,
    );
    const baseline = await withSaves(annotators, seeded.labelId, () =>
      sleep(baselineSeconds * 1000),
    );
    const rows = [
      ["baseline: saves alone", baseline],
      [
        `(a) import of ${sizes.import} documents`,
        await withSaves(annotators, seeded.labelId, () => importOverHttp(owner, importFile)),
      ],
      [
        `(b) full export of ${sizes.agreement} documents`,
        await withSaves(annotators, seeded.labelId, () =>
          owner(`/api/projects/big/datasets/export?format=jsonl&source=all`).then((r) =>
            r.arrayBuffer(),
          ),
        ),
      ],
      [
        `(c) agreement page, ${sizes.agreement} documents`,
        await withSaves(annotators, seeded.labelId, () =>
          Promise.all([trpcQuery(owner, "review.agreement"), trpcQuery(owner, "review.documents")]),
        ),
      ],
      [
        "(c) agreement page again (cached)",
        await withSaves(annotators, seeded.labelId, async () => {
          await trpcQuery(owner, "review.agreement");
          await sleep(3000);
        }),
      ],
    ] as const;
    for (const [name, phase] of rows) {
      console.log(
        `  ${name.padEnd(40)} heavy ${phase.heavyMs.toFixed(0).padStart(6)} ms  saves ${String(phase.saves).padStart(4)}  p50 ${phase.p50.toFixed(0).padStart(4)}  p99 ${phase.p99.toFixed(0).padStart(5)}  max ${phase.max.toFixed(0).padStart(5)} ms  (p99 ${(phase.p99 / baseline.p99).toFixed(1)}x, max ${(phase.max / baseline.max).toFixed(1)}x baseline)${phase.failed ? `  ${phase.failed} failed` : ""}`,
      );
    }
    console.log("  goal: no save waits more than 200 ms while heavy work runs\n");
  } finally {
    server.kill();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function seed(database: string, importFile: string) {
  const db = openDatabase(database);
  const owner = await createUser(db, { email: lead, name: "lead", password });
  for (const slug of ["work", "big", "target"]) {
    const project = createProject(db, { slug, name: slug, labels: benchLabels });
    setMembership(db, project.id, owner.id, "owner");
  }
  const annotators: string[] = [];
  const lines = Array.from({ length: sizes.annotators }, (_, i) =>
    JSON.stringify({ id: `w${i}`, text: "word ".repeat(400) }),
  );
  importJsonl(db, "work", lines.join("\n"));
  for (let i = 0; i < sizes.annotators; i++) {
    const email = `a${i}@bench.test`;
    const user = await createUser(db, { email, name: `a${i}`, password });
    setMembership(db, projectId(db, "work"), user.id, "annotator");
    annotators.push(email);
  }
  const big = generateDocuments({
    documents: sizes.agreement,
    annotators: ["ann", "bob", "cy"],
    tokensPerDocument: 200,
    seed: 7,
  });
  importJsonl(db, "big", Array.from(big, formatJsonlRecord).join("\n"), {});
  const incoming = generateDocuments({
    documents: sizes.import,
    annotators: ["ann", "bob"],
    tokensPerDocument: 140,
    seed: 3,
  });
  writeFileSync(importFile, Array.from(incoming, formatJsonlRecord).join("\n") + "\n");
  const documentIds = db.$client
    .prepare("SELECT id FROM documents WHERE project_id = ? ORDER BY id")
    .pluck()
    .all(projectId(db, "work")) as number[];
  const labelId = db.$client
    .prepare("SELECT id FROM labels WHERE project_id = ? ORDER BY position LIMIT 1")
    .pluck()
    .get(projectId(db, "work")) as number;
  db.$client.close();
  return { annotators, documentIds, labelId };
}

function projectId(db: Db, slug: string) {
  return db.$client.prepare("SELECT id FROM projects WHERE slug = ?").pluck().get(slug) as number;
}

type Client = (url: string, init?: RequestInit) => Promise<Response>;

/** Signs in through Auth.js's credentials endpoint as the form does, keeping the cookies. */
async function signIn(email: string): Promise<Client> {
  const cookies = new Map<string, string>();
  const client: Client = async (url, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("origin", base);
    headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(base + url, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  const { csrfToken } = (await (await client("/api/auth/csrf")).json()) as { csrfToken: string };
  await client("/api/auth/callback/credentials", {
    method: "POST",
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/projects" }),
  });
  const session = (await (await client("/api/auth/session")).json()) as { user?: unknown };
  if (!session.user) throw new Error(`could not sign in as ${email}`);
  return client;
}

async function trpcQuery(client: Client, procedure: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { projectSlug: "big" } }));
  const response = await client(`/api/trpc/${procedure}?input=${input}`);
  if (!response.ok) throw new Error(`${procedure}: HTTP ${response.status}`);
  return response.json();
}

async function importOverHttp(client: Client, file: string) {
  const form = new FormData();
  form.append("files", new Blob([readFileSync(file)]), "import.jsonl");
  const upload = await client("/api/dataset-uploads/target", { method: "POST", body: form });
  const { uploadId } = (await upload.json()) as { uploadId: string };
  const response = await client("/api/trpc/dataset.import", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      json: { projectSlug: "target", uploadId, format: "jsonl", options: {} },
    }),
  });
  if (!response.ok) throw new Error(`import: HTTP ${response.status} ${await response.text()}`);
}

type Annotator = { client: Client; documentId: number };

/**
 * Every annotator saves once a second (adding, then removing, one span) while `heavy` runs;
 * the latencies of the saves made meanwhile.
 */
async function withSaves(annotators: Annotator[], labelId: number, heavy: () => Promise<unknown>) {
  const latencies: number[] = [];
  let failed = 0;
  let running = true;
  const loop = async ({ client, documentId }: Annotator, offset: number) => {
    await sleep(offset);
    for (let n = 0; running; n++) {
      const started = performance.now();
      const span = { start: 5 * (n % 2), end: 5 * (n % 2) + 4, labelId };
      const edits = [{ kind: "add", spans: [span] }];
      if (n >= 2) edits.push({ kind: "delete", spans: [{ ...span }] });
      const response = await client("/api/trpc/annotation.edit", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { documentId, edits: n >= 2 ? edits.reverse() : edits } }),
      }).catch(() => null);
      await response?.arrayBuffer();
      const ms = performance.now() - started;
      if (response?.ok) latencies.push(ms);
      else failed++;
      await sleep(Math.max(0, 1000 - ms));
    }
  };
  const loops = annotators.map((annotator, i) => loop(annotator, (i * 1000) / annotators.length));
  await sleep(1000);
  const started = performance.now();
  const before = latencies.length;
  await heavy();
  const heavyMs = performance.now() - started;
  running = false;
  await Promise.all(loops);
  const during = latencies.slice(before).sort((a, b) => a - b);
  const at = (q: number) => during[Math.min(during.length - 1, Math.floor(q * during.length))] ?? 0;
  return { heavyMs, saves: during.length, failed, p50: at(0.5), p99: at(0.99), max: at(1) };
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitForServer() {
  for (let tries = 0; tries < 120; tries++) {
    const healthy = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    await sleep(500);
  }
  throw new Error(`the server at ${base} did not start`);
}
