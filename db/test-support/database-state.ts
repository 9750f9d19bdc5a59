// Test support: the whole of a database's rows, emptied or compared, on either dialect.
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { getTableName, is, sql, Table } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { tablesOf, type Db } from "../open-database";
import { sqliteClientOf } from "../sqlite-database";

/**
 * Deletes every row and restarts every id, so that new rows get the ids a fresh database gives:
 * for tests that want a fresh database many times over, which on PostgreSQL takes a few hundred
 * milliseconds to make.
 */
export async function emptyDatabase(db: Db): Promise<void> {
  const names = quotedTableNames(db);
  const sqlite = sqliteClientOf(db);
  if (sqlite) return emptySqlite(sqlite, names);
  await postgres(db).execute(sql.raw(`TRUNCATE ${names.join(", ")} RESTART IDENTITY CASCADE`));
}

/**
 * A hash of every row of every table: the same before and after a call when it stored nothing.
 * One statement on PostgreSQL, rows in text order (a rolled-back write may move a row).
 */
export async function fingerprintDatabase(db: Db): Promise<string> {
  const names = quotedTableNames(db);
  const sqlite = sqliteClientOf(db);
  const contents = sqlite
    ? names.map((name) => sqlite.prepare(`SELECT * FROM ${name}`).raw().all())
    : await readPostgres(db, names);
  return createHash("sha256")
    .update(JSON.stringify([names, contents]))
    .digest("hex");
}

function quotedTableNames(db: Db): string[] {
  const tables = Object.values(tablesOf(db)).filter((table) => is(table, Table));
  return tables.map((table) => `"${getTableName(table)}"`).sort();
}

function emptySqlite(sqlite: Database.Database, names: string[]) {
  // Foreign keys are checked at each delete; off, the tables may go in any order.
  sqlite.pragma("foreign_keys = OFF");
  try {
    sqlite.transaction(() => {
      for (const name of names) sqlite.exec(`DELETE FROM ${name}`);
      sqlite.exec("DELETE FROM sqlite_sequence");
    })();
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}

async function readPostgres(db: Db, names: string[]): Promise<unknown[]> {
  const columns = names.map(
    (name, i) =>
      `(SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM ${name} t) AS t${i}`,
  );
  const { rows } = await postgres(db).execute(sql.raw(`SELECT ${columns.join(", ")}`));
  return Object.values(rows[0] ?? {});
}

function postgres(db: Db): NodePgDatabase {
  return db as unknown as NodePgDatabase;
}
