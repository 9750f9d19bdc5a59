"use client";

import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import type { TokenAgreement } from "@/domain/agreement/types";
import { PlotFigure } from "../../../_components/charts/plot-figure";
import { DataTable } from "./data-table";

type Cell = { first: string; second: string; count: number };

/** Tokens both annotators left outside any span: by far the largest cell in any real project. */
const isOutsideBoth = (cell: Cell) => cell.first === "O" && cell.second === "O";
const outsideBothFill = "#d4d4d8";

/**
 * The token-level label confusion as a heatmap with its table. The colour scale leaves out the
 * O-O cell, which would otherwise take the whole scale and leave every real confusion pale.
 */
export function ConfusionFigure({ confusion }: { confusion: TokenAgreement["confusion"] }) {
  const cells = useMemo(
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
  const options = useMemo(() => {
    const scaled = cells.filter((cell) => !isOutsideBoth(cell));
    const most = Math.max(1, ...scaled.map((cell) => cell.count));
    const title = (d: Cell) => `${d.first} / ${d.second}: ${d.count}`;
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
        domain: [0, most],
        scheme: "YlOrRd" as const,
        legend: true,
        label: "token pairs (O-O left out)",
      },
      marks: [
        Plot.cell(scaled, { x: "second", y: "first", fill: "count", title }),
        Plot.cell(cells.filter(isOutsideBoth), {
          x: "second",
          y: "first",
          fill: outsideBothFill,
          title,
        }),
        Plot.text(cells, {
          x: "second",
          y: "first",
          text: "count",
          fill: (d: Cell) =>
            !isOutsideBoth(d) && Math.sqrt(d.count / most) > 0.6 ? "white" : "black",
        }),
      ],
    };
  }, [confusion.labels, cells]);

  const total = cells.reduce((sum, cell) => sum + cell.count, 0);
  return (
    <figure>
      <figcaption className="mb-2 text-lg font-semibold">Label confusion (tokens)</figcaption>
      {total === 0 ? (
        <p className="text-sm text-muted">
          No token has been submitted by two annotators yet: this compares their labels once two
          have submitted the same document.
        </p>
      ) : (
        <>
          <p className="mb-2 text-sm text-muted">
            Tokens neither annotator tagged (O-O, in grey) are counted but left out of the colour
            scale, so that the confusions between labels stay visible.
          </p>
          <PlotFigure
            options={options}
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
        </>
      )}
    </figure>
  );
}
