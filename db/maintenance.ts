import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type { Db } from "./open-database";

/**
 * Copies the open database to `target` with SQLite's online backup: pages are copied while the
 * server keeps reading and writing, and the copy is one consistent snapshot.
 */
export async function backupDatabase(db: Db, target: string) {
  const { totalPages } = await db.$client.backup(target);
  return { pages: totalPages };
}

export type DatabaseHealth = {
  integrity: string[];
  foreignKeyViolations: { table: string; rowid: number; parent: string }[];
};

/** `PRAGMA integrity_check` and `PRAGMA foreign_key_check`: empty lists when all is well. */
export function checkDatabase(db: Db): DatabaseHealth {
  const integrity = (db.$client.pragma("integrity_check") as { integrity_check: string }[])
    .map((row) => row.integrity_check)
    .filter((line) => line !== "ok");
  const foreignKeyViolations = (
    db.$client.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[]
  ).map(({ table, rowid, parent }) => ({ table, rowid, parent }));
  return { integrity, foreignKeyViolations };
}

/**
 * A WAL-mode SQLite file has its `-wal` and `-shm` companions while any connection has it open
 * (and after a crash, until the next open). Either means a server may be using it.
 */
export function isDatabaseInUse(file: string): boolean {
  return existsSync(`${file}-wal`) || existsSync(`${file}-shm`);
}

/**
 * Replaces `target` with the backup `source`, through SQLite so that the result is a whole
 * database. The source is checked first: a file that is not a sound Concord database changes
 * nothing.
 */
export async function restoreDatabase(source: string, target: string) {
  if (!existsSync(source)) throw new Error(`backup ${source} does not exist`);
  const backup = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const problems = readProblems(backup);
    if (problems) throw new Error(`backup ${source} is not a sound Concord database: ${problems}`);
    const { totalPages } = await backup.backup(target);
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
