import type { Command } from "commander";
import { closeDatabase, type Db } from "@/db/open-database";
import { startDatabase } from "@/server/database";

const unopened = new WeakSet<Command>();

/** Marks a command that must find the database unopened: `restore` replaces its file. */
export function withoutDatabase(command: Command): Command {
  unopened.add(command);
  return command;
}

/**
 * Every other command reaches and migrates the database before its action runs, so that a
 * DATABASE_URL Concord cannot use stops it there, named; and closes it after, since a PostgreSQL
 * pool would keep the process alive.
 */
export function startDatabaseForCommands(program: Command) {
  let db: Db | undefined;
  program.hook("preAction", async (_program, command) => {
    if (!unopened.has(command)) db = await startDatabase();
  });
  program.hook("postAction", async () => {
    if (db) await closeDatabase(db);
  });
}
