import pg from "pg";

/**
 * Whole databases on a PostgreSQL server, made and dropped through the server URL's own database
 * (`postgres://user@host:port/postgres`): for tests, the bench and the end-to-end suite, which
 * each want a fresh one.
 */
export async function withPostgresAdmin<T>(server: string, work: (admin: pg.Client) => Promise<T>) {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** The URL of database `name` on the server `server` names. */
export function databaseOnServer(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** An empty database `name`, dropping one left from before; returns its URL. */
export async function recreateDatabase(server: string, name: string): Promise<string> {
  assertDatabaseName(name);
  await withPostgresAdmin(server, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  return databaseOnServer(server, name);
}

export async function dropDatabase(server: string, name: string): Promise<void> {
  assertDatabaseName(name);
  await withPostgresAdmin(server, (admin) =>
    admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
}

// The names go into statements as identifiers: plain lower-case ones only.
function assertDatabaseName(name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
}
