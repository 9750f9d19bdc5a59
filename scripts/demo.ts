/**
 * `npm run demo`: builds if needed, migrates the demo database, seeds it when empty, and serves.
 * DATABASE_URL (a SQLite file or postgres://...), PORT and AUTH_SECRET are honoured; the demo
 * invents what is not set.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describeDatabaseUrl } from "@/db/database-url";
import { closeDatabase } from "@/db/open-database";
import { startDatabase } from "@/server/database";
import { ConfigurationError } from "@/server/env";
import { countUsers } from "@/server/services/users";
import { demoAccounts, demoPassword, demoProject, readSampleCorpus, seedDemo } from "./demo-seed";

const root = path.resolve(import.meta.dirname, "..");
process.env.DATABASE_URL ??= path.join(root, "data", "demo.db");
process.env.AUTH_SECRET ??= demoAuthSecret();
process.env.NEXT_TELEMETRY_DISABLED = "1";
// The server modules read the environment lazily, on first use, so setting it here is in time.
const port = process.env.PORT ?? "3000";

const db = await startDatabase().catch((error: unknown) => {
  if (!(error instanceof ConfigurationError)) throw error;
  console.error(`error: ${error.message}`);
  process.exit(1);
});
if ((await countUsers(db)) === 0) {
  const summary = await seedDemo(db, readSampleCorpus(path.join(root, "sample", "corpus")));
  console.log(`Seeded the demo: ${summary.documents} documents, ${summary.spans} spans.`);
}
// The server opens its own; an idle PostgreSQL pool here would only hold connections.
await closeDatabase(db);

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("Building Concord (first run only)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`
Concord demo: http://localhost:${port}  (database ${describeDatabaseUrl(process.env.DATABASE_URL)})
Project "${demoProject.name}". Accounts, all with password "${demoPassword}":
${demoAccounts.map((account) => `  ${account.email.padEnd(22)} ${account.isAdmin ? "admin, " : ""}${account.role}`).join("\n")}
`);

const server = spawn(process.execPath, [nextBin, "start", "-p", port], {
  cwd: root,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

/** A secret kept beside the demo database, so demo sessions survive a restart. */
function demoAuthSecret(): string {
  const file = path.join(root, "data", ".auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
