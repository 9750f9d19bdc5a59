"use client";

import { useQuery } from "@tanstack/react-query";
import { formatMetric } from "@/domain/agreement/format-metric";
import { QueryState } from "../../../_components/query-state";
import { useTRPC } from "../../../_trpc/client";
import { AgreementHeatmaps } from "./agreement-heatmaps";
import { AgreementStructure } from "./agreement-structure";
import { DataTable } from "./data-table";
import { ProjectNav } from "../project-nav";
import { countOf } from "@/domain/count-of";

export function AgreementOverview({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const agreement = useQuery(trpc.review.agreement.queryOptions({ projectSlug }));
  const data = agreement.data;
  if (!data) return <QueryState query={agreement} />;
  const { token, span, annotators } = data;

  return (
    <section>
      <h1 className="mb-2 text-2xl font-semibold">Agreement</h1>
      <ProjectNav projectSlug={projectSlug} current="Agreement" />
      <p className="mb-4 text-sm text-muted">
        Submitted work only · annotators: {annotators.join(", ") || "none yet"} · tokens are runs of
        letters, digits and marks, or single symbols
      </p>

      <dl className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Headline
          name="Krippendorff's alpha (nominal)"
          value={token.krippendorffAlpha}
          units={countOf(token.alphaUnits, "pairable token")}
        />
        <Headline
          name="Fleiss' kappa"
          value={token.fleissKappa}
          units={`${countOf(token.fleissUnits, "token")} submitted by every annotator`}
        />
      </dl>

      <AgreementHeatmaps
        annotators={annotators}
        cohen={token.cohenKappa}
        confusion={token.confusion}
      />

      <h2 className="mt-8 mb-2 text-lg font-semibold">Pairs of annotators</h2>
      <DataTable
        label="Pairwise agreement"
        header={[
          "Annotator A",
          "Annotator B",
          "Cohen's kappa",
          "Tokens",
          "Exact span F1",
          "Relaxed span F1",
          "Documents",
        ]}
        rows={token.cohenKappa.map((pair) => {
          const spans = span.pairs.find((p) => p.a === pair.a && p.b === pair.b);
          return [
            pair.a,
            pair.b,
            formatMetric(pair.kappa),
            pair.tokens,
            formatMetric(spans?.exactF1 ?? null),
            formatMetric(spans?.relaxedF1 ?? null),
            spans?.documents ?? 0,
          ];
        })}
      />

      <h2 className="mt-8 mb-2 text-lg font-semibold">Labels</h2>
      <DataTable
        label="Agreement per label"
        header={[
          "Label",
          "Alpha (label vs rest)",
          "Exact span F1",
          ...annotators.map((a) => `Spans: ${a}`),
        ]}
        rows={span.perLabel.map((row) => [
          row.label,
          formatMetric(token.perLabelAlpha.find((l) => l.label === row.label)?.alpha ?? null),
          formatMetric(row.exactF1),
          ...annotators.map((name) => row.counts[name] ?? 0),
        ])}
      />

      <AgreementStructure {...data} />
    </section>
  );
}

function Headline({ name, value, units }: { name: string; value: number | null; units: string }) {
  return (
    <div className="rounded border border-zinc-200 p-4 dark:border-zinc-800">
      <dt className="text-sm text-muted">{name}</dt>
      <dd className="text-3xl font-semibold tabular-nums" data-testid={`headline-${name}`}>
        {formatMetric(value)}
      </dd>
      <dd className="text-xs text-muted">{units}</dd>
    </div>
  );
}
