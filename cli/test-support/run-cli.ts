// Test support: the real command line, started the way `npm run cli` starts it.
import { spawnSync } from "node:child_process";
import path from "node:path";

const projectRoot = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");

/** Runs `concord ...args` on the database `url` (DATABASE_URL), waiting at most `timeout` ms. */
export function runCli(url: string, args: string[], timeout = 30_000) {
  const result = spawnSync(tsx, ["cli/index.ts", ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    timeout,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
