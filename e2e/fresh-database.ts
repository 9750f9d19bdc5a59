/**
 * `tsx e2e/fresh-database.ts <url>`: an empty database at a PostgreSQL URL, dropping any left by
 * an earlier run, so the end-to-end suite on PostgreSQL starts from nothing as it does on SQLite.
 */
import { recreateDatabase } from "@/db/postgres-admin";

const target = new URL(process.argv[2] ?? "");
const server = new URL(target);
server.pathname = "/postgres";
await recreateDatabase(server.toString(), target.pathname.slice(1));
