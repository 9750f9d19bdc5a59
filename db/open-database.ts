import { mkdirSync } from "node:fs";
import path from "node:path";
import Database, { type RunResult, type Statement } from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";

export type Db = ReturnType<typeof openDatabase>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** What both the database and an open transaction offer: reads and writes, synchronously. */
export type Queryable = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Opens (creating if missing) and migrates the SQLite file; ":memory:" gives a private database. */
export function openDatabase(file: string) {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  reuseStatements(sqlite);
  const db = drizzle(sqlite, { schema, casing: "snake_case" });
  migrate(db, { migrationsFolder });
  return db;
}

// Enough for every query the app writes; the SQL of batches varies with their size.
const maxStatements = 500;

/**
 * Drizzle prepares every query anew, and compiling the SQL was a tenth of a save. The same SQL
 * gets the statement compiled the first time, back in its default mode (Drizzle asks for raw
 * rows where it wants them); one still being iterated is busy, and the caller gets its own.
 */
function reuseStatements(sqlite: Database.Database) {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Statement>();
  sqlite.prepare = ((source: string) => {
    const known = statements.get(source);
    if (known && !known.busy) return known.reader ? defaultMode(known) : known;
    if (statements.size >= maxStatements) statements.clear();
    const statement = prepare(source);
    statements.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

function defaultMode(statement: Statement): Statement {
  return statement.pluck(false).expand(false).raw(false);
}
