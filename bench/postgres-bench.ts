import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatJsonlRecord } from "@/domain/formats/jsonl";
import { closeDatabase, openMigratedDatabase } from "@/db/open-database";
import { dropDatabase, recreateDatabase } from "@/db/postgres-admin";
import { importJsonl } from "@/server/services/datasets/import-jsonl";
import { createProject } from "@/server/services/projects";
import { computeAgreement } from "@/server/services/review/agreement";
import { seed, signInAll } from "./capacity-bench";
import { closedLoop, percentile, type Annotator, type Measure, type Target } from "./capacity-load";
import { startConcord, stop, waitForHealth } from "./concord-server";
import { step, writeInput } from "./dataset-bench";
import { benchLabels, generateDocuments } from "./generate-project";
import { bestOf } from "./timing";

/**
 * With BENCH_DATABASE_URL naming a PostgreSQL server: the work a team waits for, on a fresh
 * SQLite file and on a fresh PostgreSQL database in the same run, each line with its ratio.
 * Goals: PostgreSQL at most 2x slower on each; saves scale across two servers on PostgreSQL.
 */
const port = Number(process.env.BENCH_PORT ?? 3350) + 20;
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const annotators = 50;

export async function benchPostgres(server: string) {
  const folder = mkdtempSync(path.join(os.tmpdir(), "concord-postgres-bench-"));
  const names = ["concord_bench_import", "concord_bench_agreement", "concord_bench_saves"];
  try {
    console.log(`PostgreSQL beside SQLite (server ${new URL(server).host})`);
    await benchImport(folder, await recreateDatabase(server, names[0] as string));
    await benchAgreementOn(folder, await recreateDatabase(server, names[1] as string));
    await benchSaves(folder, await recreateDatabase(server, names[2] as string));
  } finally {
    for (const name of names) await dropDatabase(server, name);
    rmSync(folder, { recursive: true, force: true });
  }
}

function ratioLine(what: string, sqlite: number, postgres: number, unit = "ms") {
  const ratio = postgres / sqlite;
  console.log(
    `  ${what.padEnd(40)} SQLite ${sqlite.toFixed(0).padStart(7)} ${unit}  PostgreSQL ${postgres.toFixed(0).padStart(7)} ${unit}  ${ratio.toFixed(2)}x (goal ≤ 2x)`,
  );
}

async function benchImport(folder: string, postgres: string) {
  const input = path.join(folder, "input.jsonl");
  writeInput(input);
  const sqlite = path.join(folder, "import.db");
  for (const url of [sqlite, postgres]) {
    const db = await openMigratedDatabase(url);
    await createProject(db, { slug: "bench", name: "Bench", labels: benchLabels });
    await closeDatabase(db);
  }
  const onSqlite = step("concord-import", sqlite, input);
  const onPostgres = step("concord-import", postgres, input);
  ratioLine(`import ${onSqlite.documents} documents`, onSqlite.ms, onPostgres.ms);
}

async function benchAgreementOn(folder: string, postgres: string) {
  const lines = Array.from(
    generateDocuments({
      documents: 10_000,
      annotators: ["ann", "bob", "cy"],
      tokensPerDocument: 200,
      seed: 7,
    }),
    formatJsonlRecord,
  ).join("\n");
  const times: number[] = [];
  for (const url of [path.join(folder, "agreement.db"), postgres]) {
    const db = await openMigratedDatabase(url);
    const project = await createProject(db, { slug: "bench", name: "Bench", labels: benchLabels });
    await importJsonl(db, "bench", lines);
    times.push((await bestOf(3, () => computeAgreement(db, project.id))).ms);
    await closeDatabase(db);
  }
  ratioLine("agreement, 10,000 documents x 3", times[0] ?? NaN, times[1] ?? NaN);
}

/**
 * 50 annotators saving in a closed loop through one server on each database, then through two
 * servers on the PostgreSQL database, half of the team on each.
 */
async function benchSaves(folder: string, postgres: string) {
  const children: ChildProcess[] = [];
  const start = async (url: string, at: number) => {
    const child = startConcord(url, at);
    children.push(child);
    const base = `http://127.0.0.1:${at}`;
    await waitForHealth(base);
    return base;
  };
  try {
    const measures: Measure[] = [];
    for (const [url, at] of [
      [path.join(folder, "saves.db"), port],
      [postgres, port + 1],
    ] as const) {
      const { labelId, people } = await seed(url, annotators);
      const base = await start(url, at);
      const team = await signInAll(base, people);
      await closedLoop(target(base), team.slice(0, 10), labelId, 5);
      measures.push(await closedLoop(target(base), team, labelId, seconds));
      if (url === postgres) {
        const second = await start(url, port + 2);
        const halves = [team.slice(0, annotators / 2), team.slice(annotators / 2)];
        const both = await Promise.all([
          closedLoop(target(base), halves[0] as Annotator[], labelId, seconds),
          closedLoop(target(second), halves[1] as Annotator[], labelId, seconds),
        ]);
        measures.push(merge(both));
      }
    }
    const [sqlite, onePostgres, twoPostgres] = measures as [Measure, Measure, Measure];
    const rate = (measure: Measure) => measure.saves / measure.seconds;
    for (const [name, measure] of [
      ["SQLite, one server", sqlite],
      ["PostgreSQL, one server", onePostgres],
      ["PostgreSQL, two servers", twoPostgres],
    ] as const) {
      console.log(
        `  saves, ${annotators} annotators, ${name.padEnd(24)} ${rate(measure).toFixed(0).padStart(6)} saves/s  p50 ${percentile(measure.latencies, 0.5).toFixed(1)} ms  p99 ${percentile(measure.latencies, 0.99).toFixed(1)} ms  ${measure.errors} failed`,
      );
    }
    const slower = rate(sqlite) / rate(onePostgres);
    console.log(
      `  one server: PostgreSQL ${slower.toFixed(2)}x slower than SQLite (goal ≤ 2x); two PostgreSQL servers carry ${(rate(twoPostgres) / rate(onePostgres)).toFixed(2)}x one (goal > 1x)\n`,
    );
  } finally {
    await Promise.all(children.map(stop));
  }
}

function target(base: string): Target {
  return {
    base,
    path: "/api/trpc/annotation.edit?batch=1",
    headers: (annotator) => ({ cookie: annotator.cookie, origin: base }),
  };
}

function merge(measures: Measure[]): Measure {
  return {
    saves: measures.reduce((n, m) => n + m.saves, 0),
    errors: measures.reduce((n, m) => n + m.errors, 0),
    seconds: Math.max(...measures.map((m) => m.seconds)),
    latencies: measures.flatMap((m) => m.latencies),
  };
}
