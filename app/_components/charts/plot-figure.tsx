"use client";

import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";

/**
 * Renders an Observable Plot chart. Plot draws text and axes in currentColor, so the chart follows
 * the page's light or dark theme; the background stays transparent.
 */
export function PlotFigure({ options, label }: { options: Plot.PlotOptions; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = Plot.plot({ ...options, style: { background: "transparent", color: "inherit" } });
    chart.setAttribute("aria-label", label);
    // Plot names each mark's <g> after its kind ("cell", "text"): ARIA allows no name on an element
    // without a role, and the kind tells a listener nothing the figure's label does not.
    for (const group of chart.querySelectorAll("g[aria-label]"))
      group.removeAttribute("aria-label");
    container.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [options, label]);
  return <div ref={container} role="figure" aria-label={label} className="overflow-x-auto" />;
}
