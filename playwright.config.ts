import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import {
  demoDatabase,
  demoPort,
  demoServer,
  emptyDatabase,
  emptyPort,
  emptyServer,
  freshDatabaseCommand,
  onPostgres,
  serverEnv,
} from "./e2e/servers";

/** Debian's chromium (or PLAYWRIGHT_CHROMIUM); Playwright's own browser only when neither exists. */
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM ??
  (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/**
 * The smoke tests run again on PostgreSQL: a team's day (first run, sign-in and sessions,
 * annotating, two tabs, review) on the second database. Imports, exports and curation run there
 * through the router and HTTP tests of the PostgreSQL unit pass.
 */
const postgresSmoke = [
  "first-run.spec.ts",
  "sign-in.spec.ts",
  "auth.spec.ts",
  "annotate.spec.ts",
  "two-tabs.spec.ts",
  "review.spec.ts",
  // Several servers on one database is what PostgreSQL is for; a SQLite file has one server.
  "two-servers.spec.ts",
];

/**
 * Specs that make their own project and annotator and touch nothing of the demo's: they run
 * beside the rest, one file at a time on each side. The rest share the demo's accounts, and
 * signing out ends every session of an account, so they keep to one line, as before: the
 * accessibility audit (the slowest) among them, and before first-run, since it audits the empty
 * server's set-up page that first-run closes by creating the administrator.
 */
const ownData = [
  "crash-safety.spec.ts",
  "document-page-load.spec.ts",
  "in-view.spec.ts",
  "not-found.spec.ts",
  "scripts.spec.ts",
  "submit.spec.ts",
  "two-tabs.spec.ts",
  "workspace-*.spec.ts",
];
// A project's testMatch and testIgnore replace the config's, so each lane names its whole choice.
const ownLane = onPostgres ? postgresSmoke.filter((spec) => ownData.includes(spec)) : ownData;
const demoLane = onPostgres
  ? { testMatch: postgresSmoke, testIgnore: ownData }
  : { testIgnore: ["two-servers.spec.ts", ...ownData] };

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  // Two lanes on two cores. Inside each, files run one after another, as the demo's shared
  // accounts and documents need on the demo side.
  workers: 2,
  projects: [
    { name: "own data", testMatch: ownLane, workers: 1 },
    { name: "demo data", ...demoLane, workers: 1 },
  ],
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL: demoServer,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // Two servers on one build: the seeded demo, and an empty database for the first-run flow.
  // Each starts from a fresh database file, so every run sees the same data.
  webServer: [
    {
      command: `${freshDatabaseCommand(demoDatabase)} && tsx scripts/demo.ts`,
      url: `${demoServer}/api/health`,
      env: { ...serverEnv, DATABASE_URL: demoDatabase, PORT: String(demoPort) },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `${freshDatabaseCommand(emptyDatabase)} && next start -p ${emptyPort} -H 127.0.0.1`,
      url: `${emptyServer}/api/health`,
      env: { ...serverEnv, DATABASE_URL: emptyDatabase },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
