import { formatMetric } from "@/domain/agreement/format-metric";
import type { ProjectAgreement } from "@/domain/agreement/types";
import { DataTable } from "./data-table";

type Props = Pick<ProjectAgreement, "annotators" | "relations" | "attributes" | "documentLabels">;

/**
 * Agreement on what the scheme adds to spans: relations, attributes, document labels. A section
 * shows only when the project has something of its kind, so a project of flat spans sees none.
 */
export function AgreementStructure({ annotators, relations, attributes, documentLabels }: Props) {
  const hasRelations = relations.perType.length > 0;
  return (
    <>
      {hasRelations && (
        <>
          <h2 className="mt-8 mb-2 text-lg font-semibold">Relations</h2>
          <DataTable
            label="Relation agreement per pair"
            header={[
              "Annotator A",
              "Annotator B",
              "Exact relation F1",
              "Relaxed relation F1",
              "Relations",
              "Documents",
            ]}
            rows={relations.pairs.map((pair) => [
              pair.a,
              pair.b,
              formatMetric(pair.exactF1),
              formatMetric(pair.relaxedF1),
              pair.relations,
              pair.documents,
            ])}
          />
          <div className="mt-4" />
          <DataTable
            label="Relation agreement per type"
            header={["Relation type", "Exact F1", ...annotators.map((a) => `Relations: ${a}`)]}
            rows={relations.perType.map((row) => [
              row.type,
              formatMetric(row.exactF1),
              ...annotators.map((name) => row.counts[name] ?? 0),
            ])}
          />
        </>
      )}
      {attributes.length > 0 && (
        <>
          <h2 className="mt-8 mb-2 text-lg font-semibold">Attributes</h2>
          <p className="mb-2 text-sm text-muted">
            Krippendorff&apos;s alpha over the spans annotators marked alike; free-text attributes
            are left out.
          </p>
          <DataTable
            label="Attribute agreement"
            header={["Label", "Attribute", "Alpha (nominal)", "Spans marked alike"]}
            rows={attributes.map((row) => [
              row.label,
              row.attribute,
              formatMetric(row.alpha),
              row.units,
            ])}
          />
        </>
      )}
      {documentLabels.length > 0 && (
        <>
          <h2 className="mt-8 mb-2 text-lg font-semibold">Document labels</h2>
          <DataTable
            label="Document-label agreement"
            header={["Set", "Alpha", "Documents", "Fleiss' kappa", "Cohen's kappa per pair"]}
            rows={documentLabels.map((row) => [
              row.multiple ? `${row.set} (multi-choice, MASI)` : row.set,
              formatMetric(row.alpha),
              row.units,
              row.multiple ? "—" : `${formatMetric(row.fleissKappa)} (${row.fleissUnits})`,
              row.multiple
                ? "—"
                : row.cohenKappa
                    .map((pair) => `${pair.a}–${pair.b}: ${formatMetric(pair.kappa)}`)
                    .join(", ") || "n/a",
            ])}
          />
        </>
      )}
    </>
  );
}
