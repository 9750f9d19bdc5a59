/**
 * `tsx e2e/fresh-database.ts <url>`: an empty database at a PostgreSQL URL, dropping any left by
 * an earlier run, so the end-to-end suite on PostgreSQL starts from nothing as it does on SQLite.
 */
import pg from "pg";

const target = new URL(process.argv[2] ?? "");
const name = target.pathname.slice(1);
if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
const server = new URL(target);
server.pathname = "/postgres";
const admin = new pg.Client({ connectionString: server.toString() });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
