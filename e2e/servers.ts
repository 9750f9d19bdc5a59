/**
 * The two servers the suite starts (see playwright.config.ts). E2E_PORT_BASE moves them, so two
 * checkouts on one machine can run their suites side by side.
 */
const portBase = Number(process.env.E2E_PORT_BASE ?? 3100);

export const demoPort = portBase;
export const emptyPort = portBase + 1;
export const demoServer = `http://127.0.0.1:${demoPort}`;
export const emptyServer = `http://127.0.0.1:${emptyPort}`;
/** A second server on the demo's database, and a proxy in front of both (two-servers.spec.ts). */
export const secondPort = portBase + 2;
export const proxyPort = portBase + 3;

/** What every server of the suite runs with. */
export const serverEnv = {
  AUTH_SECRET: "e2e-only-secret-not-for-production",
  NEXT_TELEMETRY_DISABLED: "1",
};

/**
 * With E2E_ON_POSTGRES=1 the servers run on databases of the PostgreSQL server TEST_DATABASE_URL
 * names (the suite's smoke tests, see playwright.config.ts); otherwise on SQLite files.
 */
export const onPostgres = process.env.E2E_ON_POSTGRES === "1";

function postgresDatabase(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? "");
  url.pathname = `/${name}`;
  return url.toString();
}

/** The seeded server's database, which the CLI in tests reads too. */
export const demoDatabase = onPostgres ? postgresDatabase("concord_e2e_demo") : "data/e2e/demo.db";
export const emptyDatabase = onPostgres
  ? postgresDatabase("concord_e2e_empty")
  : "data/e2e/empty.db";

/** The shell command that gives a server an empty database before it starts. */
export function freshDatabaseCommand(database: string): string {
  return onPostgres ? `tsx e2e/fresh-database.ts '${database}'` : `rm -f ${database}*`;
}
