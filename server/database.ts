import { databaseTarget, describeDatabaseUrl, type DatabaseTarget } from "@/db/database-url";
import { migrateDatabase, openDatabase, type Db } from "@/db/open-database";
import { ConfigurationError, getEnv } from "./env";

let instance: Db | undefined;
let started: Promise<Db> | undefined;

/** The database DATABASE_URL names. */
export function configuredDatabase(): DatabaseTarget {
  return databaseTarget(getEnv().DATABASE_URL);
}

/** The process-wide database, opened on first use (never at import time). */
export function getDb(): Db {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = getEnv();
  instance ??= openDatabase(DATABASE_URL, { poolSize: DATABASE_POOL_SIZE });
  return instance;
}

/**
 * Reaches and migrates the database, once per process: the server and the CLI await it before
 * anything else, so a database Concord cannot use stops them at start, named.
 */
export function startDatabase(): Promise<Db> {
  started ??= migrateDatabase(getDb()).then(
    () => getDb(),
    (error: unknown) => {
      const url = describeDatabaseUrl(getEnv().DATABASE_URL);
      throw new ConfigurationError(`DATABASE_URL ${url}: ${describeFailure(error)}`);
    },
  );
  return started;
}

/** A driver's error as a sentence: Node gives a refused connection an empty message. */
function describeFailure(error: unknown): string {
  const { message, code, errors } = error as { message?: string; code?: string; errors?: Error[] };
  if (code === "ECONNREFUSED") return `nothing answers there (${errors?.[0]?.message ?? code})`;
  return message || code || String(error);
}
