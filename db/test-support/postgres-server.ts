// The PostgreSQL server of the PostgreSQL test pass, when TEST_DATABASE_URL names one.
import { databaseOnServer } from "../postgres-admin";

export const postgresServer = process.env.TEST_DATABASE_URL;

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
