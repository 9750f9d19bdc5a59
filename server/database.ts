import { databaseFileFromUrl, openDatabase, type Db } from "@/db/open-database";
import { getEnv } from "./env";

let instance: Db | undefined;

/** The process-wide database, opened and migrated on first use (never at import time). */
export function getDb(): Db {
  instance ??= openDatabase(databaseFileFromUrl(getEnv().DATABASE_URL));
  return instance;
}
