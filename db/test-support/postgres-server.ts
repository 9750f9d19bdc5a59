// The PostgreSQL server of the PostgreSQL test pass (`npm run test:postgres` sets TEST_ON_POSTGRES
// and TEST_DATABASE_URL names the server): without the flag the tests run on SQLite, even where
// the variable is set for the whole of `npm test`.
import { databaseOnServer } from "../postgres-admin";

export const postgresServer =
  process.env.TEST_ON_POSTGRES === "1" ? process.env.TEST_DATABASE_URL : undefined;

/** Every database of one test run starts with this, so that runs side by side keep apart. */
export function runPrefix(runPid: number): string {
  return `concord_test_${runPid}_`;
}

/** The URL of database `name` on the pass's server. */
export function databaseUrl(name: string): string {
  return databaseOnServer(postgresServer ?? "", name);
}

declare module "vitest" {
  // Vitest's provide/inject is typed by augmenting its interface, which a type alias cannot do.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    /** The migrated database each test database of the run is copied from. */
    postgresTemplate: string;
  }
}
