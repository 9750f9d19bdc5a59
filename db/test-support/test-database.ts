// Fresh databases for tests: SQLite in memory, or, in the PostgreSQL pass (see
// postgres-server.ts), a new database on its server, copied from a migrated template.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { closeDatabase, openMigratedDatabase, type Db } from "../open-database";
import { databaseUrl, postgresServer } from "./postgres-server";

let admin: pg.Client | undefined;
let made = 0;
const opened: Db[] = [];
const created: string[] = [];

/** A fresh, migrated database of the pass's dialect, closed (and dropped) after the file's tests. */
export async function openTestDatabase(): Promise<Db> {
  const db = await openMigratedDatabase(postgresServer ? await createDatabase() : ":memory:");
  opened.push(db);
  return db;
}

/**
 * The URL of a fresh database that outlives one connection: for tests that reopen it, hand it
 * to another process (the CLI, a worker thread) or need a file. Migrated on PostgreSQL; on
 * SQLite a path in a new temporary folder, created by whoever opens it first.
 */
export async function testDatabaseUrl(): Promise<string> {
  if (postgresServer) return createDatabase();
  return path.join(mkdtempSync(path.join(tmpdir(), "concord-test-")), "concord.db");
}

/** Keeps `db` to close after the file's tests, for one opened outside openTestDatabase. */
export function closeAfterTests(db: Db): Db {
  opened.push(db);
  return db;
}

async function createDatabase(): Promise<string> {
  admin ??= await connectAdmin();
  const template = inject("postgresTemplate");
  // The template is named after the run, so its copies are too, and the run's end drops them.
  const name = `${template.replace(/template$/, "")}${process.pid}_${++made}`;
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  created.push(name);
  return databaseUrl(name);
}

async function connectAdmin(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: postgresServer });
  await client.connect();
  return client;
}

afterAll(async () => {
  await Promise.all(opened.splice(0).map((db) => closeDatabase(db).catch(() => {})));
  if (!admin) return;
  for (const name of created.splice(0)) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  await admin.end();
  admin = undefined;
  // A file may open a database per test (the no-500 property opens one per procedure, over 90):
  // dropping them all on a busy server outlasts the 10 s default.
}, 120_000);
