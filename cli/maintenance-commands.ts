import type { Command } from "commander";
import { backupDatabase, checkDatabase, isDatabaseInUse, restoreDatabase } from "@/db/maintenance";
import { configuredDatabaseFile, getDb } from "@/server/database";

export function registerMaintenanceCommands(program: Command) {
  program
    .command("backup")
    .description(
      "copy the database to FILE with SQLite's online backup (safe while the server runs)",
    )
    .requiredOption("--out <file>", "where to write the backup")
    .action(async (options: { out: string }) => {
      const { pages } = await backupDatabase(getDb(), options.out);
      console.log(`backed up ${configuredDatabaseFile()} to ${options.out} (${pages} pages)`);
    });

  program
    .command("restore")
    .description("replace the database with a backup made by `backup`")
    .requiredOption("--from <file>", "the backup to restore")
    .option("--force", "replace the database even though a server may have it open", false)
    .action(async (options: { from: string; force: boolean }) => {
      const target = configuredDatabaseFile();
      if (isDatabaseInUse(target) && !options.force) {
        fail(
          `${target} looks open (its -wal or -shm file exists): stop the server first, or pass --force`,
        );
      }
      const { pages } = await restoreDatabase(options.from, target).catch((error: Error) =>
        fail(error.message),
      );
      console.log(`restored ${target} from ${options.from} (${pages} pages)`);
    });

  program
    .command("doctor")
    .description("check the database's integrity and foreign keys")
    .action(() => {
      const { integrity, foreignKeyViolations } = checkDatabase(getDb());
      for (const line of integrity) console.log(`integrity: ${line}`);
      for (const { table, rowid, parent } of foreignKeyViolations) {
        console.log(`foreign key: ${table} row ${rowid} points at a missing ${parent} row`);
      }
      if (integrity.length > 0 || foreignKeyViolations.length > 0) process.exit(1);
      console.log(`${configuredDatabaseFile()}: integrity ok, foreign keys ok`);
    });
}

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}
