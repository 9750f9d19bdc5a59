import { databaseTarget } from "./database-url";
import type { Queryable } from "./open-database";

const urls = new WeakMap<Queryable, string>();

/**
 * Keeps the URL `db` was opened from, for work that opens its own connection to the same
 * database (the agreement worker). A private in-memory SQLite database has none to give.
 */
export function keepReopenableUrl(db: Queryable, url: string): void {
  const target = databaseTarget(url);
  if (target.dialect === "sqlite" && (target.file === ":memory:" || target.file === "")) return;
  urls.set(db, url);
}

/**
 * The URL another thread or process can open to reach `db`'s database; undefined for a private
 * in-memory database and for a transaction (whose writes another connection cannot see yet).
 */
export function reopenableUrl(db: Queryable): string | undefined {
  return urls.get(db);
}
