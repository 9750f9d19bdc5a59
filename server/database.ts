import {
  databaseTarget,
  describeDatabaseUrl,
  findDatabaseUrlProblem,
  type DatabaseTarget,
} from "@/db/database-url";
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
  started ??= migrateNamed(getDb(), "DATABASE_URL", getEnv().DATABASE_URL);
  return started;
}

/**
 * Opens and migrates a database the user named in `setting` (say `--to`), checked as
 * DATABASE_URL is: a URL Concord cannot use fails naming the setting and the problem.
 */
export async function openNamedDatabase(setting: string, url: string): Promise<Db> {
  const problem = findDatabaseUrlProblem(url);
  if (problem) throw new ConfigurationError(`${setting}: ${problem}`);
  return migrateNamed(openDatabase(url), setting, url);
}

async function migrateNamed(db: Db, setting: string, url: string): Promise<Db> {
  try {
    await migrateDatabase(db);
    return db;
  } catch (error) {
    throw new ConfigurationError(
      `${setting} ${describeDatabaseUrl(url)}: ${describeFailure(error)}`,
    );
  }
}

/** A driver's error as a sentence: Node gives a refused connection an empty message. */
function describeFailure(error: unknown): string {
  const { message, code, errors } = error as { message?: string; code?: string; errors?: Error[] };
  if (code === "ECONNREFUSED") return `nothing answers there (${errors?.[0]?.message ?? code})`;
  return message || code || String(error);
}
