import type { Command } from "commander";
import { copyDatabase } from "@/db/copy-database";
import { closeDatabase } from "@/db/open-database";
import { DomainError } from "@/domain/errors";
import { openNamedDatabase } from "@/server/database";
import { withoutDatabase } from "./database-lifecycle";
import { createProgressBar } from "./progress-bar";

type CopyOptions = { from: string; to: string; force: boolean; progress: boolean };

/** `db copy`: a whole Concord database to another, SQLite to PostgreSQL or back, checked. */
export function registerCopyCommand(program: Command) {
  withoutDatabase(
    program
      .command("db")
      .description("the database as a whole")
      .command("copy")
      .description(
        "copy every row of one Concord database into another (SQLite or PostgreSQL), then check row counts and checksums",
      )
      .requiredOption("--from <url>", "the database to copy: a SQLite file or postgres:// URL")
      .requiredOption("--to <url>", "the database to fill (migrated first; must be empty)")
      .option("--force", "replace what the target holds", false)
      .option("--progress", "draw a progress bar even when standard error is not a terminal", false)
      .action(async (options: CopyOptions) => {
        if (options.from === options.to)
          throw new DomainError("BAD_REQUEST", "--from and --to name the same database");
        const from = await openNamedDatabase("--from", options.from);
        const to = await openNamedDatabase("--to", options.to).catch(async (error: unknown) => {
          await closeDatabase(from);
          throw error;
        });
        const bar = createProgressBar("copying {table}", "rows", options.progress, "");
        try {
          const checks = await copyDatabase(from, to, {
            force: options.force,
            onProgress: ({ table, copied, total }) => {
              if (copied === 0) bar?.start(total, 0, { table });
              else bar?.update(copied, { table });
            },
          }).finally(() => bar?.stop());
          for (const { table, rows, checksum } of checks) {
            console.log(
              `${table.padEnd(16)} ${String(rows).padStart(10)} rows  checksum ${checksum}`,
            );
          }
          console.log("copied; every table has the same rows and checksum on both sides");
        } finally {
          await Promise.all([closeDatabase(from), closeDatabase(to)]);
        }
      }),
  );
}
