import { execFileSync } from "node:child_process";
import { demoDatabase } from "./servers";

/** Runs the real CLI against the seeded demo server's database, as an operator would. */
export function runCli(...args: string[]): string {
  return execFileSync("node_modules/.bin/tsx", ["cli/index.ts", ...args], {
    env: { ...process.env, DATABASE_URL: demoDatabase },
    encoding: "utf8",
  });
}
