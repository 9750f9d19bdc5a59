import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { postgresBus } from "./change-bus";
import type { DatabaseRuntime, Queryable } from "./open-database";
import * as schema from "./schema-postgres";

export const postgresMigrationsFolder = path.join(process.cwd(), "db", "migrations", "postgres");
// Any number that is the same on every server: it names the lock, it is not a count.
const migrationLock = 7_270_813;

export type PostgresOptions = {
  /** Connections this process keeps open at most; each server on the database has its own. */
  poolSize?: number;
};

/**
 * A pool of connections to the PostgreSQL server the URL names; none is made until the first
 * query. Drizzle's PostgreSQL database answers the services' asynchronous SQLite-typed calls.
 */
export function openPostgres(
  url: string,
  { poolSize = 10 }: PostgresOptions,
): { db: Queryable; runtime: DatabaseRuntime } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server dropped (a restart) is replaced on the next query.
  pool.on("error", () => {});
  const db = drizzle(pool, { schema, casing: "snake_case" });
  const changes = postgresBus(pool, url);
  const runtime: DatabaseRuntime = {
    dialect: "postgres",
    changes,
    // Servers starting together take turns: the first migrates, the others find nothing to do.
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [migrationLock]);
        await migrate(db, { migrationsFolder: postgresMigrationsFolder });
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [migrationLock]).catch(() => {});
        client.release();
      }
    },
    close: async () => {
      await changes.close();
      await pool.end();
    },
  };
  return { db: db as unknown as Queryable, runtime };
}
