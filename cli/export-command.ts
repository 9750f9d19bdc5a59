import { createWriteStream, mkdirSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import type { Writable } from "node:stream";
import { Option, type Command } from "commander";
import { exportFormatNames, type ExportFormatName } from "@/domain/formats/catalog";
import type { OffsetUnit } from "@/domain/formats/file-spans";
import type { TagScheme } from "@/domain/formats/tags";
import type { FlattenPolicy } from "@/domain/formats/fragment-policy";
import { describeDetailsLeftOut, type ExportSummary } from "@/domain/formats/writers/export-format";
import { getDb } from "@/server/database";
import { exportBytes, exportDataset } from "@/server/services/datasets/export-dataset";
import { parseExportSource, type ExportSource } from "@/server/services/datasets/export-source";
import { createProgressBar } from "./progress-bar";
import { countOf } from "@/domain/count-of";

type ExportCommandOptions = {
  project: string;
  format: ExportFormatName;
  source: string;
  includeUncurated?: boolean;
  scheme: TagScheme;
  offsets?: OffsetUnit;
  discontinuous: FlattenPolicy;
  out?: string;
  progress: boolean;
};

export function registerExportCommand(program: Command) {
  program
    .command("export")
    .description("export a project's documents and annotations")
    .requiredOption("--project <slug>", "project slug")
    .addOption(
      new Option("--format <format>", "file format").choices(exportFormatNames).default("jsonl"),
    )
    .option("--source <source>", "all, gold (curated) or annotator:NAME", "all")
    .option("--include-uncurated", "with --source gold: gold still being curated too")
    .addOption(
      new Option("--scheme <scheme>", "CoNLL tag scheme")
        .choices(["iob1", "iob2", "bioes"])
        .default("iob2"),
    )
    .addOption(
      new Option(
        "--offsets <unit>",
        "doccano: code-points (default) or utf-16 for doccano itself",
      ).choices(["code-points", "utf-16"]),
    )
    .addOption(
      new Option(
        "--discontinuous <how>",
        "formats without discontinuous spans (all but jsonl and brat): write each as separate spans, one merged span, or leave it out",
      )
        .choices(["split", "merge", "skip"])
        .default("split"),
    )
    .option(
      "--out <path>",
      "write here instead of standard output; brat and hf: a .zip, or else a folder for their files",
    )
    .option("--progress", "draw a progress bar even when standard error is not a terminal", false)
    .action(async (options: ExportCommandOptions) => {
      const source = parseExportSource(options.source, options);
      const dataset = await exportDataset(getDb(), {
        projectSlug: options.project,
        format: options.format,
        source,
        scheme: options.scheme,
        offsets: options.offsets,
        discontinuous: options.discontinuous,
      });
      const bar = createProgressBar("exporting", "documents", options.progress);
      bar?.start(dataset.documentCount, 0, { documents: 0 });
      const tick = () =>
        bar?.update(dataset.summary.documents, { documents: dataset.summary.documents });
      const multiFile = dataset.contentType === "application/zip";
      if (multiFile && options.out && !options.out.toLowerCase().endsWith(".zip")) {
        mkdirSync(options.out, { recursive: true });
        for await (const file of dataset.files) {
          await writeAll(createWriteStream(path.join(options.out, file.name)), file.chunks, tick);
        }
      } else {
        const out = options.out ? createWriteStream(options.out) : process.stdout;
        await writeAll(out, exportBytes(dataset), tick);
      }
      bar?.stop();
      reportExport(dataset.summary, source, process.stderr.isTTY);
    });
}

async function writeAll(
  out: Writable,
  chunks: AsyncIterable<string | Uint8Array>,
  tick: () => void,
) {
  for await (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, "drain");
    tick();
  }
  if (out === process.stdout) return;
  out.end();
  await once(out, "finish");
}

/** Standard output may hold the data, so the summary goes to standard error, for people. */
function reportExport(summary: ExportSummary, source: ExportSource, interactive: boolean) {
  if (interactive) {
    console.error(
      `exported ${countOf(summary.documents, "document")}, ${countOf(summary.spans, "span")}`,
    );
  }
  const { withoutLayer, uncurated } = summary.leftOut;
  if (withoutLayer) {
    const why = source.kind === "annotator" ? `${source.name} never worked on` : "with no gold";
    console.error(`left out ${countDocuments(withoutLayer)} ${why}`);
  }
  if (uncurated) {
    console.error(
      `left out ${countDocuments(uncurated)} whose gold is not curated yet (--include-uncurated exports them)`,
    );
  }
  if (summary.unalignedSpans) {
    console.error(
      `${summary.unalignedSpans} spans do not align to token boundaries: left out of the file, not moved`,
    );
  }
  if (summary.overlappingSpans) {
    console.error(
      `${summary.overlappingSpans} spans share tokens with another span (a token has one tag): left out`,
    );
  }
  for (const line of describeDetailsLeftOut(summary)) console.error(line);
}

function countDocuments(n: number) {
  return `${n} ${n === 1 ? "document" : "documents"}`;
}
