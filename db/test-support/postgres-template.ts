// Vitest's global setup for the PostgreSQL pass: the migrated template every test database of
// the run is copied from, dropped with them at the end; and the leftovers of runs that were
// killed, dropped at the start.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { closeDatabase, openMigratedDatabase } from "../open-database";
import { withPostgresAdmin } from "../postgres-admin";
import { databaseUrl, postgresServer, runPrefix } from "./postgres-server";

export default async function setup(project: TestProject) {
  const server = postgresServer;
  if (!server) return;
  const prefix = runPrefix(process.pid);
  const template = `${prefix}template`;
  await withPostgresAdmin(server, async (admin) => {
    for (const name of await listTestDatabases(admin)) {
      const pid = Number(/^concord_test_(\d+)_/.exec(name)?.[1]);
      if (!isRunning(pid)) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${template}`);
  });
  await closeDatabase(await openMigratedDatabase(databaseUrl(template)));
  project.provide("postgresTemplate", template);
  return () =>
    withPostgresAdmin(server, async (admin) => {
      for (const name of await listTestDatabases(admin)) {
        if (name.startsWith(prefix)) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      }
    });
}

async function listTestDatabases(admin: pg.Client): Promise<string[]> {
  const { rows } = await admin.query<{ name: string }>(
    "SELECT datname AS name FROM pg_database WHERE datname LIKE 'concord\\_test\\_%'",
  );
  return rows.map((row) => row.name);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
