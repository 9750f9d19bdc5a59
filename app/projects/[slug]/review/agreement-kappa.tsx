"use client";

import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import { countOf } from "@/domain/count-of";
import { formatMetric } from "@/domain/agreement/format-metric";
import type { PairKappa } from "@/domain/agreement/types";
import { PlotFigure } from "../../../_components/charts/plot-figure";

/**
 * Cohen's kappa for every pair of annotators: a heatmap from three annotators on, a single figure
 * for the one pair two annotators make (a 2x2 heatmap of one value and its mirror says less).
 */
export function KappaFigure({ annotators, cohen }: { annotators: string[]; cohen: PairKappa[] }) {
  const options = useMemo(() => {
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
        // Room for the ramp's end labels, "−1.0" and "1.0", which sit centred on its ends.
        marginLeft: 16,
        marginRight: 16,
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

  const [only] = cohen;
  return (
    <figure>
      <figcaption className="mb-2 text-lg font-semibold">Cohen&apos;s kappa by pair</figcaption>
      {!only ? (
        <p className="text-sm text-muted">
          No two annotators have submitted the same document yet.
        </p>
      ) : cohen.length === 1 ? (
        <div
          data-testid="pair-kappa"
          className="rounded border border-zinc-200 p-4 dark:border-zinc-800"
        >
          <p className="text-sm text-muted">
            {only.a} and {only.b}
          </p>
          <p className="text-3xl font-semibold tabular-nums">{formatMetric(only.kappa)}</p>
          <p className="text-xs text-muted">over {countOf(only.tokens, "token")} both submitted</p>
        </div>
      ) : (
        <PlotFigure
          options={options}
          label="Heatmap of Cohen's kappa for each pair of annotators"
        />
      )}
    </figure>
  );
}
