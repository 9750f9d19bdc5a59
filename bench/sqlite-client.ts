import type Database from "better-sqlite3";
import type { Db } from "@/db/open-database";
import { sqliteClientOf } from "@/db/sqlite-database";

/**
 * The better-sqlite3 connection under a bench's database: the baselines are bare prepared
 * statements on it, and a few set-up steps are faster written as one statement.
 */
export function sqliteOf(db: Db): Database.Database {
  const sqlite = sqliteClientOf(db);
  if (!sqlite) throw new Error("the benches run on SQLite: give them a file path");
  return sqlite;
}
