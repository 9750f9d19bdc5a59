import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { describeDatabaseUrl, type DatabaseTarget } from "./database-url";
import { dialectOf, type Db } from "./open-database";
import { postgresMigrationsFolder } from "./postgres-database";
import { sqliteClientOf } from "./sqlite-database";

/** What a database is called in messages: its file, or its URL without the password. */
export function databaseName(target: DatabaseTarget): string {
  return target.dialect === "sqlite" ? target.file : describeDatabaseUrl(target.url);
}

/**
 * Copies the open database to `target` with SQLite's online backup: pages are copied while the
 * server keeps reading and writing, and the copy is one consistent snapshot. PostgreSQL has its
 * own tool for that, which knows its server better than Concord could.
 */
export async function backupDatabase(db: Db, target: string) {
  const sqlite = sqliteClientOf(db);
  if (!sqlite) {
    throw new Error(
      `backup copies SQLite files; back up PostgreSQL with pg_dump, e.g. pg_dump --format=custom --file=${target} <DATABASE_URL>`,
    );
  }
  const { totalPages } = await sqlite.backup(target);
  return { pages: totalPages };
}

/** What `doctor` found: the problems, one line each, and what it checked that was sound. */
export type DatabaseHealth = { problems: string[]; sound: string[] };

/**
 * SQLite: `PRAGMA integrity_check` and `PRAGMA foreign_key_check`. PostgreSQL keeps its pages
 * and keys sound itself: whether the server answers and has every migration of this Concord,
 * and none that only a newer one knows.
 */
export function checkDatabase(db: Db): Promise<DatabaseHealth> {
  return dialectOf(db) === "sqlite" ? checkSqlite(db) : checkPostgres(db);
}

async function checkSqlite(db: Db): Promise<DatabaseHealth> {
  const sqlite = sqliteClientOf(db);
  if (!sqlite) throw new Error("not a SQLite database");
  const integrity = (sqlite.pragma("integrity_check") as { integrity_check: string }[])
    .map((row) => row.integrity_check)
    .filter((line) => line !== "ok")
    .map((line) => `integrity: ${line}`);
  const foreignKeys = (
    sqlite.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[]
  ).map(
    ({ table, rowid, parent }) =>
      `foreign key: ${table} row ${rowid} points at a missing ${parent} row`,
  );
  return { problems: [...integrity, ...foreignKeys], sound: ["integrity ok", "foreign keys ok"] };
}

// Where the PostgreSQL migrator reads from and writes to (Drizzle's default table).

/** Drizzle applies a migration whose folder time is later than the last applied one's. */
async function checkPostgres(db: Db): Promise<DatabaseHealth> {
  const { rows } = await (db as unknown as NodePgDatabase).execute<{ createdAt: string }>(
    sql`select created_at as "createdAt" from drizzle.__drizzle_migrations`,
  );
  const applied = new Set(rows.map((row) => Number(row.createdAt)));
  const known = readMigrationFiles({ migrationsFolder: postgresMigrationsFolder });
  const missing = known.filter((migration) => !applied.has(migration.folderMillis)).length;
  const unknown = applied.size - (known.length - missing);
  const problems = [
    ...(missing > 0 ? [`migrations: ${missing} of ${known.length} not applied`] : []),
    ...(unknown > 0
      ? [`migrations: ${unknown} applied that this Concord does not have (a newer one migrated it)`]
      : []),
  ];
  return { problems, sound: ["connection ok", `migrations current (${known.length} applied)`] };
}

/**
 * A WAL-mode SQLite file has its `-wal` and `-shm` companions while any connection has it open
 * (and after a crash, until the next open). Either means a server may be using it.
 */
function isDatabaseInUse(file: string): boolean {
  return existsSync(`${file}-wal`) || existsSync(`${file}-shm`);
}

/**
 * Replaces the SQLite database `target` with the backup `source`, through SQLite so that the
 * result is a whole database; one that looks open only when `force` is given. The source is
 * checked first: a file that is not a sound Concord database changes nothing.
 */
export async function restoreDatabase(
  source: string,
  target: DatabaseTarget,
  { force }: { force: boolean },
) {
  if (target.dialect === "postgres") {
    throw new Error(
      `restore replaces SQLite files; restore PostgreSQL from pg_dump's file with pg_restore, e.g. pg_restore --clean --if-exists --dbname=<DATABASE_URL> ${source}`,
    );
  }
  if (isDatabaseInUse(target.file) && !force) {
    throw new Error(
      `${target.file} looks open (its -wal or -shm file exists): stop the server first, or pass --force`,
    );
  }
  if (!existsSync(source)) throw new Error(`backup ${source} does not exist`);
  const backup = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const problems = readProblems(backup);
    if (problems) throw new Error(`backup ${source} is not a sound Concord database: ${problems}`);
    const { totalPages } = await backup.backup(target.file);
    return { pages: totalPages };
  } finally {
    backup.close();
  }
}

function readProblems(backup: Database.Database): string | null {
  try {
    const integrity = backup.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") return String(integrity);
    const migrations = backup
      .prepare("select count(*) as n from sqlite_master where name = '__drizzle_migrations'")
      .get() as { n: number };
    return migrations.n === 1 ? null : "it has no Concord migrations table";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
