/** The two servers the suite starts (see playwright.config.ts). */
export const demoServer = "http://127.0.0.1:3100";
export const emptyServer = "http://127.0.0.1:3101";
/** The seeded server's database, which the CLI in tests reads too. */
export const demoDatabase = "data/e2e/demo.db";
