import { createWriteStream, readFileSync } from "node:fs";
import { once } from "node:events";
import { Option, type Command } from "commander";
import { InputError } from "@/domain/errors";
import { getDb } from "@/server/database";
import { exportJsonl, parseExportSource } from "@/server/services/export-jsonl";
import { importJsonl } from "@/server/services/import-jsonl";

export function registerDataCommands(program: Command) {
  program
    .command("import")
    .description("import documents (and their annotations) into a project, all or nothing")
    .requiredOption("--project <slug>", "project slug")
    .addOption(new Option("--format <format>", "file format").choices(["jsonl"]).default("jsonl"))
    .argument("<file>", "file to import")
    .action((file: string, options: { project: string }) => {
      const content = readFileSync(file, "utf8");
      try {
        const summary = importJsonl(getDb(), options.project, content);
        console.log(
          `imported ${summary.documents} documents, ${summary.annotations} annotations, ${summary.spans} spans into ${options.project}` +
            (summary.alreadyPresent
              ? `; ${summary.alreadyPresent} documents already present, left unchanged`
              : ""),
        );
      } catch (error) {
        // Name the file too: the error itself only knows the line.
        if (error instanceof InputError)
          error.message = `${file}: ${error.message}; nothing was imported`;
        throw error;
      }
    });

  program
    .command("export")
    .description("export a project's documents and annotations")
    .requiredOption("--project <slug>", "project slug")
    .addOption(new Option("--format <format>", "file format").choices(["jsonl"]).default("jsonl"))
    .option("--source <source>", "all, gold or annotator:NAME", "all")
    .option("--out <path>", "write to this file instead of standard output")
    .action(async (options: { project: string; source: string; out?: string }) => {
      const lines = exportJsonl(getDb(), options.project, parseExportSource(options.source));
      const out = options.out ? createWriteStream(options.out) : process.stdout;
      for (const line of lines) {
        if (!out.write(`${line}\n`)) await once(out, "drain");
      }
      if (options.out) {
        out.end();
        await once(out, "finish");
      }
    });
}
