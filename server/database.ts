import { databaseFileFromUrl } from "@/db/database-url";
import { openDatabase, type Db } from "@/db/open-database";
import { getEnv } from "./env";

let instance: Db | undefined;

/** The SQLite file DATABASE_URL names. */
export function configuredDatabaseFile(): string {
  return databaseFileFromUrl(getEnv().DATABASE_URL);
}

/** The process-wide database, opened and migrated on first use (never at import time). */
export function getDb(): Db {
  instance ??= openDatabase(configuredDatabaseFile());
  return instance;
}
