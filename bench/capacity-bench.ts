import { fork, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { closeDatabase, openMigratedDatabase, tablesOf } from "@/db/open-database";
import { createProject, setMembership } from "@/server/services/projects";
import { createUser } from "@/server/services/users";
import {
  closedLoop,
  documentText,
  openLoop,
  percentile,
  resent,
  signIn,
  type Annotator,
  type Measure,
  type Target,
} from "./capacity-load";
import { buildConcord, startConcord, stop, waitForHealth } from "./concord-server";

/**
 * Saves under a team's load, on the production build: 10, 50 and 200 annotators signed in over
 * HTTP, (a) in a closed loop for capacity and (b) saving once a second each for latency, beside
 * a bare node:http + better-sqlite3 server doing the same insert, on a copy of the same database,
 * under the same load. Both servers run as child processes, apart from the load's event loop.
 * Goals: Concord's capacity at least 25% of the bare server's; p99 under 100 ms for 50
 * annotators saving once a second. BENCH_SECONDS shortens each phase (default 20), BENCH_TEAMS
 * picks the team sizes (default 10,50,200);
 * BENCH_PORT + 10 and + 11 are the ports; BENCH_SKIP_BUILD=1 reuses .next; BENCH_CPU_PROF=DIR
 * writes the Next.js server's CPU profile there.
 */
const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.BENCH_PORT ?? 3350) + 10;
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const teams = (process.env.BENCH_TEAMS ?? "10,50,200").split(",").map(Number);
export const password = "capacity-bench-password";

/** `build: false` where the caller has just built. */
export async function benchCapacity({ build = process.env.BENCH_SKIP_BUILD !== "1" } = {}) {
  if (build) {
    buildConcord();
  }
  const folder = mkdtempSync(path.join(os.tmpdir(), "concord-capacity-bench-"));
  const children: ChildProcess[] = [];
  try {
    const { labelId, people } = await seed(path.join(folder, "concord.db"));
    copyFileSync(path.join(folder, "concord.db"), path.join(folder, "bare.db"));
    const profile = process.env.BENCH_CPU_PROF;
    const profiling = profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profile)}`] : [];
    const concordServer = startConcord(path.join(folder, "concord.db"), port, profiling);
    const bareServer = await startBare(path.join(folder, "bare.db"));
    children.push(concordServer, bareServer);
    const concordBase = `http://127.0.0.1:${port}`;
    await waitForHealth(concordBase);
    const concord: Target = {
      base: concordBase,
      path: "/api/trpc/annotation.edit?batch=1",
      headers: (annotator) => ({ cookie: annotator.cookie, origin: concordBase }),
    };
    const bare: Target = {
      base: `http://127.0.0.1:${port + 1}`,
      path: "/save",
      headers: (annotator) => ({ "x-user-id": String(annotator.userId) }),
    };
    const signedIn = await signInAll(concordBase, people);
    const bareAnnotators = signedIn.map((annotator) => ({ ...annotator }));
    // Unmeasured warm-up, so neither server is judged before its JIT has compiled the hot
    // paths: Concord's first seconds cost it more than twice the CPU a request of later ones.
    await closedLoop(concord, signedIn.slice(0, 10), labelId, 6);
    await closedLoop(bare, bareAnnotators.slice(0, 10), labelId, 2);

    console.log(
      `Save capacity: one span per save, ${seconds} s per phase, Concord (production build) beside a bare node:http + better-sqlite3 server`,
    );
    for (const team of teams) {
      for (const [loop, run] of [
        ["closed loop", closedLoop],
        ["once a second", openLoop],
      ] as const) {
        const ours = await withCpu(concordServer, () =>
          run(concord, signedIn.slice(0, team), labelId, seconds),
        );
        const theirs = await withCpu(bareServer, () =>
          run(bare, bareAnnotators.slice(0, team), labelId, seconds),
        );
        report(team, loop, ours, theirs);
      }
    }
    console.log(
      `  ${resent.count} requests resent on a new connection after an idle one was reset\n`,
    );
  } finally {
    await Promise.all(children.map(stop));
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A project, a document and an account per annotator (`count` of them) on the database at `url`;
 * one bcrypt hash serves every account.
 */
export async function seed(url: string, count = Math.max(...teams)) {
  const db = await openMigratedDatabase(url);
  const { documents, labels, users } = tablesOf(db);
  const project = await createProject(db, { slug: "capacity", name: "Capacity", labels: ["ORG"] });
  const first = await createUser(db, { email: "a0@capacity.test", name: "a0", password });
  const [row] = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.id, first.id));
  const hash = row?.hash;
  if (!hash) throw new Error("the first bench account has no password hash");
  const rest = await db
    .insert(users)
    .values(
      Array.from({ length: count - 1 }, (_, i) => ({
        email: `a${i + 1}@capacity.test`,
        name: `a${i + 1}`,
        passwordHash: hash,
      })),
    )
    .returning({ id: users.id, email: users.email });
  const people = [{ id: first.id, email: first.email }, ...rest];
  const documentIds = await db
    .insert(documents)
    .values(
      people.map((_, i) => ({ projectId: project.id, externalId: `d${i}`, text: documentText })),
    )
    .returning({ id: documents.id });
  for (const person of people) await setMembership(db, project.id, person.id, "annotator");
  const [label] = await db.select({ id: labels.id }).from(labels).limit(1);
  await closeDatabase(db);
  return {
    labelId: label?.id ?? 0,
    people: people.map((person, i) => ({
      userId: person.id,
      email: person.email ?? "",
      documentId: documentIds[i]?.id ?? 0,
    })),
  };
}

/** Eight sign-ins at a time: each costs the server a bcrypt comparison. */
export async function signInAll(
  base: string,
  people: { userId: number; email: string; documentId: number }[],
): Promise<Annotator[]> {
  const annotators: Annotator[] = [];
  for (let i = 0; i < people.length; i += 8) {
    const batch = people.slice(i, i + 8);
    const cookies = await Promise.all(batch.map((person) => signIn(base, person.email, password)));
    batch.forEach((person, j) =>
      annotators.push({ ...person, cookie: cookies[j] ?? "", step: 0, version: 0 }),
    );
  }
  return annotators;
}

async function startBare(database: string): Promise<ChildProcess> {
  const child = fork(
    path.join(import.meta.dirname, "bare-save-server.ts"),
    [database, String(port + 1)],
    {
      cwd: root,
      execArgv: ["--import", "tsx"],
      stdio: "ignore",
    },
  );
  await new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`the bare save server exited with ${code}`)));
  });
  return child;
}

/**
 * A phase's measure, with the server's CPU time per save: on a shared machine, throughput and
 * latency move with the neighbours' load, the CPU a save costs much less so (Linux only).
 */
async function withCpu(server: ChildProcess, phase: () => Promise<Measure>) {
  const before = cpuMs(server);
  const measure = await phase();
  return { ...measure, cpuMsPerSave: (cpuMs(server) - before) / Math.max(1, measure.saves) };
}

/** User and system time of a process so far, from /proc (clock ticks of 10 ms); NaN elsewhere. */
function cpuMs(child: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

type Phase = Measure & { cpuMsPerSave: number };

function report(team: number, loop: string, ours: Phase, theirs: Phase) {
  const row = (name: string, measure: Phase) =>
    console.log(
      `  ${name.padEnd(8)} ${(measure.saves / measure.seconds).toFixed(0).padStart(6)} saves/s  p50 ${percentile(measure.latencies, 0.5).toFixed(1).padStart(7)} ms  p99 ${percentile(measure.latencies, 0.99).toFixed(1).padStart(7)} ms  ${measure.cpuMsPerSave.toFixed(2).padStart(6)} ms CPU/save  ${measure.errors} failed`,
    );
  console.log(` ${team} annotators, ${loop}:`);
  row("Concord", ours);
  row("bare", theirs);
  const ratio = ours.saves / Math.max(1, theirs.saves);
  if (loop === "closed loop")
    console.log(
      `  ratio Concord / bare capacity: ${(ratio * 100).toFixed(0)}% (goal ≥ 25%); CPU per save ${(ours.cpuMsPerSave / theirs.cpuMsPerSave).toFixed(0)}x the bare server's`,
    );
  else if (team === 50)
    console.log(`  Concord p99 ${percentile(ours.latencies, 0.99).toFixed(1)} ms (goal < 100 ms)`);
}
