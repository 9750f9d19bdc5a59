/**
 * The two servers the suite starts (see playwright.config.ts). E2E_PORT_BASE moves them, so two
 * checkouts on one machine can run their suites side by side.
 */
const portBase = Number(process.env.E2E_PORT_BASE ?? 3100);

export const demoPort = portBase;
export const emptyPort = portBase + 1;
export const demoServer = `http://127.0.0.1:${demoPort}`;
export const emptyServer = `http://127.0.0.1:${emptyPort}`;

/** The seeded server's database, which the CLI in tests reads too. */
export const demoDatabase = "data/e2e/demo.db";
