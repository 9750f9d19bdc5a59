import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database, { type Statement } from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { inProcessBus } from "./change-bus";
import type { DatabaseRuntime, Queryable } from "./open-database";
import * as schema from "./schema";
import { WriterLock } from "./writer-lock";

const migrationsFolder = path.join(process.cwd(), "db", "migrations", "sqlite");
const clients = new WeakMap<Queryable, Database.Database>();

/** The better-sqlite3 connection under a SQLite database or transaction; undefined on PostgreSQL. */
export function sqliteClientOf(db: Queryable): Database.Database | undefined {
  return clients.get(db);
}

/**
 * Opens (creating if missing) the SQLite file; ":memory:" gives a private database. The handle
 * the services get waits for the writer lock before each statement; transactions run on a second
 * Drizzle handle over the same connection, holding the lock from BEGIN IMMEDIATE to COMMIT.
 */
export function openSqlite(file: string): { db: Queryable; runtime: DatabaseRuntime } {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  reuseStatements(sqlite);
  const lock = new WriterLock();
  const writer = drizzle(sqlite, { schema, casing: "snake_case" });
  const db = drizzle(sqlite, { schema, casing: "snake_case" });
  waitForWriters((db as unknown as { session: unknown }).session, lock);
  const transaction = transactions(sqlite, lock, writer as unknown as Queryable);
  Object.assign(db, { transaction: transaction.outer });
  Object.assign(writer, { transaction: transaction.nested });
  for (const handle of [db, writer]) clients.set(handle as unknown as Queryable, sqlite);
  const changes = inProcessBus();
  const runtime: DatabaseRuntime = {
    dialect: "sqlite",
    changes,
    migrate: () => transaction.exclusive(() => migrate(writer, { migrationsFolder })),
    close: async () => {
      await changes.close();
      sqlite.close();
    },
  };
  return { db: db as unknown as Queryable, runtime };
}

type Session = { prepareQuery: (...args: never[]) => Record<ExecuteMethod, Execute> };
type ExecuteMethod = "run" | "all" | "get" | "values";
type Execute = (...args: unknown[]) => unknown;

// The transaction the current code runs inside, if any: its statements must use its handle.
const openTransaction = new AsyncLocalStorage<WriterLock>();

/**
 * Every statement of the services' handle runs only while no transaction is open. One issued
 * from inside a transaction would wait for it to end, which waits for the statement: refused.
 */
function waitForWriters(session: unknown, lock: WriterLock) {
  const target = session as Session;
  const prepare = target.prepareQuery.bind(target);
  target.prepareQuery = (...args) => {
    const query = prepare(...args);
    for (const method of ["run", "all", "get", "values"] as const) {
      const execute = query[method].bind(query);
      query[method] = (...values) => {
        if (openTransaction.getStore() === lock) {
          throw new Error(
            "a query on the database inside one of its transactions: use the transaction's handle",
          );
        }
        return lock.whenIdle(() => execute(...values));
      };
    }
    return query;
  };
}

function transactions(sqlite: Database.Database, lock: WriterLock, writer: Queryable) {
  const begin = sqlite.prepare("BEGIN IMMEDIATE");
  const commit = sqlite.prepare("COMMIT");
  const rollback = sqlite.prepare("ROLLBACK");
  let savepoints = 0;

  async function exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    await lock.acquire();
    try {
      return await work();
    } finally {
      lock.release();
    }
  }

  return {
    exclusive,
    outer: <T>(work: (tx: Queryable) => Promise<T>): Promise<T> =>
      exclusive(async () => {
        begin.run();
        try {
          const result = await openTransaction.run(lock, () => work(writer));
          commit.run();
          return result;
        } catch (error) {
          if (sqlite.inTransaction) rollback.run();
          throw error;
        }
      }),
    nested: async <T>(work: (tx: Queryable) => Promise<T>): Promise<T> => {
      const name = `sp${++savepoints}`;
      sqlite.exec(`SAVEPOINT ${name}`);
      try {
        const result = await work(writer);
        sqlite.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
        throw error;
      }
    },
  };
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
