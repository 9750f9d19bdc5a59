import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import { InputError } from "@/domain/errors";
import { importFormatNames, type ImportFormatName } from "@/domain/formats/catalog";
import { splitCharacterPolicies } from "@/domain/formats/whole-characters";
import { getDb } from "@/server/database";
import { importDataset, type ImportOptions } from "@/server/services/datasets/import-dataset";
import { fileFromPath } from "@/server/services/datasets/import-file";
import type { ImportSummary, Problem } from "@/server/services/datasets/import-session";
import { createProgressBar } from "./progress-bar";
import { countOf } from "@/domain/count-of";

type ImportCommandOptions = ImportOptions & {
  project: string;
  format: ImportFormatName;
  progress: boolean;
};

export function registerImportCommand(program: Command) {
  program
    .command("import")
    .description("import documents (and their annotations) into a project, all or nothing")
    .requiredOption("--project <slug>", "project slug")
    .addOption(
      new Option("--format <format>", "file format").choices(importFormatNames).default("jsonl"),
    )
    .option("--lines", "txt: one document per line instead of one per file")
    .option("--strict", "refuse labels the project does not have, instead of creating them")
    .option("--skip-invalid", "import the valid documents and list the invalid ones")
    .option("--replace", "replace documents whose id the project already has")
    .option("--annotator <name>", "annotator of files that name none (CoNLL, brat, spaCy, HF...)")
    .addOption(
      new Option(
        "--offsets <unit>",
        "doccano, Label Studio: how the file counts characters",
      ).choices(["code-points", "utf-16"]),
    )
    .addOption(
      new Option(
        "--discontinuous <how>",
        "brat: discontinuous spans are kept as one span of several fragments, become separate spans, one merged span, or are left out and reported",
      )
        .choices(["keep", "split", "merge", "skip"])
        .default("keep"),
    )
    .addOption(
      new Option(
        "--split-characters <how>",
        "a span starting or ending inside a character (half a flag, a letter without its accent) refuses its document, or is widened to whole characters",
      )
        .choices(splitCharacterPolicies)
        .default("refuse"),
    )
    .option("--progress", "draw a progress bar even when standard error is not a terminal", false)
    .argument("<files...>", "files to import (brat: .ann and .txt files, or their folder)")
    .action(async (paths: string[], options: ImportCommandOptions) => {
      const files = expandFolders(paths, options.format).map((file) => fileFromPath(file));
      const bar = createProgressBar("importing", "MB", options.progress);
      const megabytes = (bytes: number) => Math.round(bytes / 1e5) / 10;
      bar?.start(megabytes(files.reduce((sum, file) => sum + file.size, 0)), 0, { documents: 0 });
      try {
        const summary = await importDataset(getDb(), {
          projectSlug: options.project,
          format: options.format,
          files,
          options,
          onProgress: (progress) =>
            bar?.update(megabytes(progress.bytesRead), { documents: progress.documents }),
        });
        bar?.stop();
        console.log(describeImport(summary, options.project));
      } catch (error) {
        bar?.stop();
        if (error instanceof InputError) error.message = `${error.message}; nothing was imported`;
        throw error;
      }
    });
}

/** Folders stand for the files in them; for brat, only its .txt and .ann files. */
function expandFolders(paths: string[], format: ImportFormatName): string[] {
  return paths.flatMap((given) => {
    if (!statSync(given).isDirectory()) return [given];
    return readdirSync(given)
      .sort()
      .map((name) => path.join(given, name))
      .filter((file) => statSync(file).isFile())
      .filter((file) => format !== "brat" || /\.(txt|ann)$/i.test(file));
  });
}

export function describeImport(summary: ImportSummary, project: string): string {
  const lines = [
    `imported ${countOf(summary.documents, "document")}, ${countOf(summary.annotations, "annotation")}, ${countOf(summary.spans, "span")} into ${project}`,
  ];
  if (summary.replaced)
    lines.push(`replaced ${countOf(summary.replaced, "document")} already in the project`);
  if (summary.alreadyPresent) {
    lines.push(
      `${countOf(summary.alreadyPresent, "document")} already present, left unchanged (--replace replaces them)`,
    );
  }
  if (summary.labelsCreated.length) {
    lines.push(`created labels: ${summary.labelsCreated.join(", ")}`);
  }
  const created = [
    ["relation types", summary.relationTypesCreated],
    ["attributes", summary.attributesCreated],
    ["document labels", summary.documentLabelsCreated],
  ] as const;
  for (const [what, names] of created) {
    if (names.length) lines.push(`created ${what}: ${names.join(", ")}`);
  }
  const list = (title: string, problems: Problem[]) => {
    if (problems.length === 0) return;
    lines.push(title);
    for (const { file, line, field, reason } of problems) {
      lines.push(`  ${file}: line ${line}${field ? `, field "${field}"` : ""}: ${reason}`);
    }
  };
  list(`skipped ${countOf(summary.invalid.length, "invalid document")}:`, summary.invalid);
  list(
    `left out ${countOf(summary.leftOut.length, "annotation")} Concord has no place for:`,
    summary.leftOut,
  );
  return lines.join("\n");
}
