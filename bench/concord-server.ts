import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";

/** The production build of Concord as the HTTP benches run it: built, started, waited for, stopped. */
const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

export function buildConcord() {
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "ignore" });
  if (build.status !== 0) throw new Error("next build failed; run `npm run build` to see why");
}

/** `next start` on its own database; `nodeArgs` e.g. to write a CPU profile. */
export function startConcord(database: string, port: number, nodeArgs: string[] = []) {
  return spawn(
    process.execPath,
    [...nodeArgs, nextBin, "start", "-p", String(port), "-H", "127.0.0.1"],
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
}

export async function waitForHealth(base: string) {
  for (let tries = 0; tries < 120; tries++) {
    const healthy = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no server answered on ${base}`);
}

/** SIGTERM, then wait: a CPU profile is written only as the process exits. */
export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
