"use client";

import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import { formatMetric } from "@/domain/agreement/format-metric";
import type { PairKappa, TokenAgreement } from "@/domain/agreement/types";
import { PlotFigure } from "../../../_components/charts/plot-figure";
import { DataTable } from "./data-table";

type HeatmapsProps = {
  annotators: string[];
  cohen: PairKappa[];
  confusion: TokenAgreement["confusion"];
};

/** Pairwise Cohen's kappa and the token-level label confusion, as heatmaps with their tables. */
export function AgreementHeatmaps({ annotators, cohen, confusion }: HeatmapsProps) {
  const kappaOptions = useMemo(() => {
    const cells = cohen.flatMap((pair) => [pair, { ...pair, a: pair.b, b: pair.a }]);
    return {
      padding: 0.05,
      marginLeft: 90,
      x: { domain: annotators, label: null, axis: "top" as const },
      y: { domain: annotators, label: null },
      color: {
        type: "linear" as const,
        domain: [-1, 1],
        scheme: "RdBu" as const,
        legend: true,
        label: "Cohen's kappa",
      },
      marks: [
        Plot.cell(cells, { x: "a", y: "b", fill: "kappa" }),
        Plot.text(cells, {
          x: "a",
          y: "b",
          text: (d: PairKappa) => formatMetric(d.kappa),
          fill: "black",
        }),
      ],
    };
  }, [annotators, cohen]);

  const confusionCells = useMemo(
    () =>
      confusion.labels.flatMap((first, i) =>
        confusion.labels.map((second, j) => ({
          first,
          second,
          count: confusion.counts[i]?.[j] ?? 0,
        })),
      ),
    [confusion],
  );
  const confusionOptions = useMemo(() => {
    const most = Math.max(1, ...confusionCells.map((cell) => cell.count));
    return {
      padding: 0.05,
      marginLeft: 90,
      x: {
        domain: confusion.labels,
        label: "label given by the other annotator",
        axis: "top" as const,
      },
      y: { domain: confusion.labels, label: "label given" },
      color: {
        type: "sqrt" as const,
        scheme: "YlOrRd" as const,
        legend: true,
        label: "token pairs",
      },
      marks: [
        Plot.cell(confusionCells, { x: "second", y: "first", fill: "count" }),
        Plot.text(confusionCells, {
          x: "second",
          y: "first",
          text: "count",
          fill: (d: { count: number }) => (Math.sqrt(d.count / most) > 0.6 ? "white" : "black"),
        }),
      ],
    };
  }, [confusion.labels, confusionCells]);

  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
      <figure>
        <figcaption className="mb-2 text-lg font-semibold">Cohen&apos;s kappa by pair</figcaption>
        {cohen.length === 0 ? (
          <p className="text-sm text-zinc-500">
            No two annotators have submitted the same document yet.
          </p>
        ) : (
          <PlotFigure
            options={kappaOptions}
            label="Heatmap of Cohen's kappa for each pair of annotators"
          />
        )}
      </figure>
      <figure>
        <figcaption className="mb-2 text-lg font-semibold">Label confusion (tokens)</figcaption>
        <PlotFigure
          options={confusionOptions}
          label="Heatmap of which labels annotators give the same tokens"
        />
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer">Show as a table</summary>
          <DataTable
            label="Label confusion"
            header={["Label given", ...confusion.labels]}
            rows={confusion.labels.map((label, i) => [label, ...(confusion.counts[i] ?? [])])}
          />
        </details>
      </figure>
    </div>
  );
}
