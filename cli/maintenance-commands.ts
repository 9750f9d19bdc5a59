import type { Command } from "commander";
import { backupDatabase, checkDatabase, databaseName, restoreDatabase } from "@/db/maintenance";
import { configuredDatabase, getDb } from "@/server/database";
import { withoutDatabase } from "./database-lifecycle";

export function registerMaintenanceCommands(program: Command) {
  program
    .command("backup")
    .description(
      "copy the database to FILE with SQLite's online backup (safe while the server runs)",
    )
    .requiredOption("--out <file>", "where to write the backup")
    .action(async (options: { out: string }) => {
      const { pages } = await backupDatabase(getDb(), options.out).catch(failWith);
      console.log(
        `backed up ${databaseName(configuredDatabase())} to ${options.out} (${pages} pages)`,
      );
    });

  withoutDatabase(
    program
      .command("restore")
      .description("replace the database with a backup made by `backup`")
      .requiredOption("--from <file>", "the backup to restore")
      .option("--force", "replace the database even though a server may have it open", false)
      .action(async (options: { from: string; force: boolean }) => {
        const target = configuredDatabase();
        const { pages } = await restoreDatabase(options.from, target, options).catch(failWith);
        console.log(`restored ${databaseName(target)} from ${options.from} (${pages} pages)`);
      }),
  );

  program
    .command("doctor")
    .description("check the database: SQLite's integrity and foreign keys, PostgreSQL's migrations")
    .action(async () => {
      const { problems, sound } = await checkDatabase(getDb());
      for (const line of problems) console.log(line);
      if (problems.length > 0) process.exit(1);
      console.log(`${databaseName(configuredDatabase())}: ${sound.join(", ")}`);
    });
}

function failWith(error: Error): never {
  console.error(`error: ${error.message}`);
  process.exit(1);
}
