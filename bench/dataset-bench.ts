import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatJsonlRecord } from "@/domain/formats/jsonl";
import { closeDatabase, openMigratedDatabase } from "@/db/open-database";
import { createProject } from "@/server/services/projects";
import { benchLabels, generateDocuments } from "./generate-project";

export type StepResult = { documents: number; ms: number; peakRssMb: number };

const documents = Number(process.env.BENCH_DOCUMENTS ?? 100_000);
const worker = path.join(import.meta.dirname, "dataset-worker.ts");
const tsx = path.join(import.meta.dirname, "..", "node_modules", ".bin", "tsx");

/**
 * Import and export of a generated 100,000-document JSONL file (about 200 MB), each beside a
 * baseline measured in the same run: the same rows with bare prepared statements in one
 * transaction, and read back likewise. Every step runs in its own process, so its peak RSS is its
 * own. Goal: at least half the baseline's documents per second, and peak RSS under 300 MB.
 */
export async function benchDatasets() {
  const folder = mkdtempSync(path.join(os.tmpdir(), "concord-dataset-bench-"));
  try {
    const input = path.join(folder, "input.jsonl");
    writeInput(input);
    const megabytes = statSync(input).size / 1e6;
    console.log(
      `Datasets: ${documents} documents, ${megabytes.toFixed(0)} MB of JSONL (Concord format, 2 annotators)`,
    );

    const concordDb = await freshDatabase(folder, "concord.db");
    const baselineDb = await freshDatabase(folder, "baseline.db");
    const rows = [
      ["import: baseline (parse + prepared INSERTs)", step("baseline-import", baselineDb, input)],
      ["import: Concord (streamed, checked)", step("concord-import", concordDb, input)],
      [
        "export: baseline (prepared SELECTs + JSON)",
        step("baseline-export", baselineDb, path.join(folder, "b.jsonl")),
      ],
      [
        "export: Concord (streamed)",
        step("concord-export", concordDb, path.join(folder, "c.jsonl")),
      ],
    ] as const;
    for (const [name, result] of rows) {
      const rate = result.documents / (result.ms / 1000);
      console.log(
        `  ${name.padEnd(44)} ${result.ms.toFixed(0).padStart(8)} ms  ${rate.toFixed(0).padStart(7)} docs/s  peak RSS ${result.peakRssMb.toFixed(0)} MB`,
      );
    }
    const ratio = (concord: StepResult, baseline: StepResult) =>
      `${((baseline.ms / concord.ms) * 100).toFixed(0)}%`;
    console.log(
      `  Concord / baseline throughput: import ${ratio(rows[1][1], rows[0][1])}, export ${ratio(rows[3][1], rows[2][1])} (goal ≥ 50%; peak RSS goal < 300 MB)\n`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function writeInput(file: string) {
  const out = openSync(file, "w");
  let chunk = "";
  for (const record of generateDocuments({
    documents,
    annotators: ["ann", "bob"],
    tokensPerDocument: 140,
    seed: 11,
  })) {
    chunk += `${formatJsonlRecord(record)}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(out, chunk);
      chunk = "";
    }
  }
  writeSync(out, chunk);
  closeSync(out);
}

async function freshDatabase(folder: string, name: string) {
  const file = path.join(folder, name);
  const db = await openMigratedDatabase(file);
  await createProject(db, { slug: "bench", name: "Bench", labels: benchLabels });
  await closeDatabase(db);
  return file;
}

export function step(name: string, database: string, file: string): StepResult {
  const result = spawnSync(tsx, [worker, name, database, file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) throw new Error(`bench step ${name} failed (exit ${result.status})`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "") as StepResult;
}
