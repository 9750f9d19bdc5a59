import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { closeDatabase, openMigratedDatabase, tablesOf } from "@/db/open-database";
import { formatJsonlRecord } from "@/domain/formats/jsonl";
import { importJsonl } from "@/server/services/datasets/import-jsonl";
import { createProject, findProjectBySlug, setMembership } from "@/server/services/projects";
import { createUser } from "@/server/services/users";
import { documentText, resent, save, signIn, type Annotator, type Target } from "./capacity-load";
import { buildConcord, startConcord, stop, waitForHealth } from "./concord-server";
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
const base = `http://127.0.0.1:${Number(process.env.BENCH_HEAVY_PORT ?? 3360)}`;
const password = "bench-password";
const lead = "lead@bench.test";

export async function benchHeavyWork({ build = process.env.BENCH_SKIP_BUILD !== "1" } = {}) {
  if (build) buildConcord();
  const folder = mkdtempSync(path.join(os.tmpdir(), "concord-heavy-bench-"));
  const database = path.join(folder, "bench.db");
  const importFile = path.join(folder, "import.jsonl");
  const seeded = await seed(database, importFile);
  const server = startConcord(database, Number(new URL(base).port));
  try {
    await waitForHealth(base);
    const annotators = await Promise.all(
      seeded.annotators.map(async (email, i): Promise<Annotator> => ({
        userId: 0,
        documentId: seeded.documentIds[i] as number,
        cookie: await signIn(base, email, password),
        step: 0,
        version: 0,
      })),
    );
    const owner = ownerClient(await signIn(base, lead, password));
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
    console.log(
      `  goal: no save waits more than 200 ms while heavy work runs (${resent.count} requests resent on a new connection after an idle one was reset)\n`,
    );
  } finally {
    await stop(server);
    rmSync(folder, { recursive: true, force: true });
  }
}

async function seed(database: string, importFile: string) {
  const db = await openMigratedDatabase(database);
  const { documents, labels } = tablesOf(db);
  const owner = await createUser(db, { email: lead, name: "lead", password });
  for (const slug of ["work", "big", "target"]) {
    const project = await createProject(db, { slug, name: slug, labels: benchLabels });
    await setMembership(db, project.id, owner.id, "owner");
  }
  const work = await findProjectBySlug(db, "work");
  const annotators: string[] = [];
  const lines = Array.from({ length: sizes.annotators }, (_, i) =>
    JSON.stringify({ id: `w${i}`, text: documentText }),
  );
  await importJsonl(db, "work", lines.join("\n"));
  for (let i = 0; i < sizes.annotators; i++) {
    const email = `a${i}@bench.test`;
    const user = await createUser(db, { email, name: `a${i}`, password });
    await setMembership(db, work.id, user.id, "annotator");
    annotators.push(email);
  }
  const big = generateDocuments({
    documents: sizes.agreement,
    annotators: ["ann", "bob", "cy"],
    tokensPerDocument: 200,
    seed: 7,
  });
  await importJsonl(db, "big", Array.from(big, formatJsonlRecord).join("\n"), {});
  const incoming = generateDocuments({
    documents: sizes.import,
    annotators: ["ann", "bob"],
    tokensPerDocument: 140,
    seed: 3,
  });
  writeFileSync(importFile, Array.from(incoming, formatJsonlRecord).join("\n") + "\n");
  const workDocuments = await db
    .select({ id: documents.id })
    .from(documents)
    .where(eq(documents.projectId, work.id))
    .orderBy(asc(documents.id));
  const [label] = await db
    .select({ id: labels.id })
    .from(labels)
    .where(eq(labels.projectId, work.id))
    .orderBy(asc(labels.position))
    .limit(1);
  await closeDatabase(db);
  return {
    annotators,
    documentIds: workDocuments.map((document) => document.id),
    labelId: label?.id ?? 0,
  };
}

type Client = (url: string, init?: RequestInit) => Promise<Response>;

/** The owner's requests, with the session cookie and the site's own origin, as its pages send them. */
function ownerClient(cookie: string): Client {
  return (url, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("origin", base);
    headers.set("cookie", cookie);
    return fetch(base + url, { ...init, headers, redirect: "manual" });
  };
}

async function trpcQuery(client: Client, procedure: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { projectSlug: "big" } }));
  const response = await client(`/api/trpc/${procedure}?input=${input}`);
  if (!response.ok) throw new Error(`${procedure}: HTTP ${response.status}`);
  return response.json();
}

async function importOverHttp(client: Client, file: string) {
  const form = new FormData();
  // Read from disk as it is sent: reading 100,000 documents at once would stall this process's
  // own event loop, and the saves it is timing meanwhile with it.
  form.append("files", await openAsBlob(file), "import.jsonl");
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

const saves: Target = {
  base,
  path: "/api/trpc/annotation.edit?batch=1",
  headers: (annotator) => ({ cookie: annotator.cookie, origin: base }),
};

/** Every annotator saves once a second while `heavy` runs; the latencies of the saves made meanwhile. */
async function withSaves(annotators: Annotator[], labelId: number, heavy: () => Promise<unknown>) {
  const latencies: number[] = [];
  let failed = 0;
  let running = true;
  const loop = async (annotator: Annotator, offset: number) => {
    await sleep(offset);
    while (running) {
      const started = performance.now();
      const ok = await save(saves, annotator, labelId).catch(() => false);
      const ms = performance.now() - started;
      if (ok) latencies.push(ms);
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
