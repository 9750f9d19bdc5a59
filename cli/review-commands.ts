import type { Command } from "commander";
import { formatMetric } from "@/domain/agreement/format-metric";
import type { ProjectAgreement } from "@/domain/agreement/types";
import { getDb } from "@/server/database";
import { findProjectBySlug } from "@/server/services/projects";
import { computeAgreement } from "@/server/services/review/agreement";

export function registerReviewCommands(program: Command) {
  program
    .command("agreement")
    .description("inter-annotator agreement over submitted annotations")
    .requiredOption("--project <slug>", "project slug")
    .option("--json", "print one JSON object instead of tables", false)
    .action(async (options: { project: string; json: boolean }) => {
      const db = getDb();
      const project = await findProjectBySlug(db, options.project);
      const agreement = await computeAgreement(db, project.id);
      console.log(options.json ? JSON.stringify(agreement, null, 2) : formatAgreement(agreement));
    });
}

function formatAgreement(agreement: Omit<ProjectAgreement, "documents">): string {
  const { token, span, relations, attributes, documentLabels } = agreement;
  return [
    `Annotators: ${agreement.annotators.join(", ") || "none with submitted work"}`,
    "",
    table(
      ["token-level metric", "value", "units"],
      [
        ["Krippendorff's alpha", formatMetric(token.krippendorffAlpha), String(token.alphaUnits)],
        ["Fleiss' kappa", formatMetric(token.fleissKappa), String(token.fleissUnits)],
      ],
    ),
    table(
      ["a", "b", "Cohen's kappa", "tokens", "exact F1", "relaxed F1", "documents"],
      token.cohenKappa.map((pair) => {
        const spans = span.pairs.find((p) => p.a === pair.a && p.b === pair.b);
        return [
          pair.a,
          pair.b,
          formatMetric(pair.kappa),
          String(pair.tokens),
          formatMetric(spans?.exactF1 ?? null),
          formatMetric(spans?.relaxedF1 ?? null),
          String(spans?.documents ?? 0),
        ];
      }),
    ),
    table(
      ["label", "alpha", "exact F1", ...agreement.annotators],
      span.perLabel.map((row) => [
        row.label,
        formatMetric(token.perLabelAlpha.find((l) => l.label === row.label)?.alpha ?? null),
        formatMetric(row.exactF1),
        ...agreement.annotators.map((name) => String(row.counts[name] ?? 0)),
      ]),
    ),
    table(
      ["a", "b", "relation exact F1", "relaxed F1", "relations", "documents"],
      relations.pairs.map((pair) => [
        pair.a,
        pair.b,
        formatMetric(pair.exactF1),
        formatMetric(pair.relaxedF1),
        String(pair.relations),
        String(pair.documents),
      ]),
    ),
    table(
      ["relation type", "exact F1", ...agreement.annotators],
      relations.perType.map((row) => [
        row.type,
        formatMetric(row.exactF1),
        ...agreement.annotators.map((name) => String(row.counts[name] ?? 0)),
      ]),
    ),
    table(
      ["label", "attribute", "alpha", "spans"],
      attributes.map((row) => [
        row.label,
        row.attribute,
        formatMetric(row.alpha),
        String(row.units),
      ]),
    ),
    table(
      ["document labels", "alpha", "documents", "Fleiss' kappa", "documents", "Cohen's kappa"],
      documentLabels.map((row) => [
        `${row.set}${row.multiple ? " (multi, MASI)" : ""}`,
        formatMetric(row.alpha),
        String(row.units),
        row.multiple ? "" : formatMetric(row.fleissKappa),
        row.multiple ? "" : String(row.fleissUnits),
        row.cohenKappa.map((pair) => `${pair.a}/${pair.b} ${formatMetric(pair.kappa)}`).join(", "),
      ]),
    ),
  ].join("\n");
}

function table(header: string[], rows: string[][]): string {
  if (rows.length === 0) return `${header.join("  ")}\n(none)\n`;
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), ""].join("\n");
}
