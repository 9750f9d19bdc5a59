import { mkdirSync } from "node:fs";
import path from "node:path";
import Database, { type RunResult } from "better-sqlite3";
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
  const db = drizzle(sqlite, { schema, casing: "snake_case" });
  migrate(db, { migrationsFolder });
  return db;
}

/** Accepts a plain path or a `file:` URL-ish prefix, as DATABASE_URL may carry either. */
export function databaseFileFromUrl(url: string): string {
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}
