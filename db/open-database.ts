import { is, type SQL } from "drizzle-orm";
import { PgDatabase } from "drizzle-orm/pg-core";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type { ChangeBus } from "./change-bus";
import { databaseTarget, type DatabaseTarget } from "./database-url";
import { openPostgres, type PostgresOptions } from "./postgres-database";
import type * as schema from "./schema";
import { openSqlite } from "./sqlite-database";

/**
 * What the services query: the database or an open transaction, on SQLite or PostgreSQL. The
 * code is written once against Drizzle's asynchronous SQLite API, which both databases answer at
 * run time as long as every query is awaited (never `.get()`, `.all()` or `.run()`: PostgreSQL has
 * none of them) and its tables come from `tablesOf` (each database has its own table objects).
 */
export type Queryable = BaseSQLiteDatabase<"async", unknown, typeof schema>;
export type Db = Queryable;
/** A Queryable inside a transaction: a function that takes one expects to be part of a larger write. */
export type Tx = Queryable;
export type Tables = typeof schema;
export type Dialect = DatabaseTarget["dialect"];

/** How an open database is migrated and closed; kept beside it, out of the services' sight. */
export type DatabaseRuntime = {
  dialect: Dialect;
  changes: ChangeBus;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

// Each database opened here, with how it was opened; a transaction has none of its own.
const runtimes = new WeakMap<Queryable, DatabaseRuntime & { url: string }>();

export type OpenOptions = PostgresOptions;

/**
 * Opens the database a DATABASE_URL names, without touching it yet (a PostgreSQL pool connects
 * on its first query); `migrateDatabase` brings it to the current schema.
 */
export function openDatabase(url: string, options: OpenOptions = {}): Db {
  const target = databaseTarget(url);
  const { db, runtime } =
    target.dialect === "sqlite" ? openSqlite(target.file) : openPostgres(target.url, options);
  runtimes.set(db, { ...runtime, url });
  return db;
}

/** Opens and migrates: what a script or a test wants in one step. */
export async function openMigratedDatabase(url: string, options: OpenOptions = {}): Promise<Db> {
  const db = openDatabase(url, options);
  await migrateDatabase(db);
  return db;
}

export function migrateDatabase(db: Db): Promise<void> {
  return runtimeOf(db).migrate();
}

export function closeDatabase(db: Db): Promise<void> {
  return runtimeOf(db).close();
}

/** The notices of changes to the database, reaching every server that has it open. */
export function changesOf(db: Db): ChangeBus {
  return runtimeOf(db).changes;
}

/**
 * The URL another thread or process can open to reach `db`'s database (the agreement worker);
 * undefined for a private in-memory database and for a transaction (whose writes another
 * connection cannot see yet).
 */
export function reopenableUrl(db: Queryable): string | undefined {
  const url = runtimes.get(db)?.url;
  const target = url === undefined ? undefined : databaseTarget(url);
  if (target?.dialect === "sqlite" && (target.file === ":memory:" || target.file === "")) return;
  return url;
}

function runtimeOf(db: Db): DatabaseRuntime {
  const runtime = runtimes.get(db);
  if (!runtime) throw new Error("not a database opened by openDatabase (a transaction?)");
  return runtime;
}

export function dialectOf(db: Queryable): Dialect {
  return is(db, PgDatabase) ? "postgres" : "sqlite";
}

/** The table objects of the database `db` belongs to, typed as the SQLite schema's. */
export function tablesOf(db: Queryable): Tables {
  return (db as unknown as { _: { fullSchema: Tables } })._.fullSchema;
}

/** Runs a raw statement whose answer nobody reads: SQLite's Drizzle calls it run, PostgreSQL's execute. */
export async function runStatement(db: Queryable, statement: SQL): Promise<void> {
  if (is(db, PgDatabase)) await db.execute(statement);
  else await db.run(statement);
}
