"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { exportFormatNames, formatCatalog, type ExportFormatName } from "@/domain/formats/catalog";
import { describeDetailsLeftOut } from "@/domain/formats/writers/export-format";
import { useTRPC } from "../../../_trpc/client";
import { ExportCoverage } from "./export-coverage";

/** A download per format for the chosen source; token formats can first count what they drop. */
export function ExportPanel({
  projectSlug,
  exportAnySource,
}: {
  projectSlug: string;
  exportAnySource: boolean;
}) {
  const trpc = useTRPC();
  const annotators = useQuery(trpc.dataset.annotators.queryOptions({ projectSlug }));
  const names = annotators.data ?? [];
  const layers = names.map((name) => `annotator:${name}`);
  const sources = exportAnySource ? ["all", "gold", ...layers] : layers;
  const [chosen, setSource] = useState<string | null>(null);
  const source = chosen ?? sources[0] ?? "all";
  const [scheme, setScheme] = useState<"iob1" | "iob2" | "bioes">("iob2");
  const [doccanoUtf16, setDoccanoUtf16] = useState(false);
  const [withUncurated, setWithUncurated] = useState(false);
  const includeUncurated = source === "gold" && withUncurated;
  const [checked, setChecked] = useState<ExportFormatName | null>(null);
  const check = useQuery(
    trpc.dataset.exportSummary.queryOptions(
      { projectSlug, format: checked ?? "conll", source, scheme, includeUncurated },
      { enabled: checked !== null },
    ),
  );
  // Every annotator's export holds every document; the others say what they leave out.
  const counts = useQuery(
    trpc.dataset.exportSummary.queryOptions(
      { projectSlug, format: "jsonl", source, includeUncurated },
      { enabled: source !== "all" },
    ),
  );

  const hrefFor = (format: ExportFormatName) => {
    const query = new URLSearchParams({ format, source });
    if (includeUncurated) query.set("includeUncurated", "true");
    if (format === "conll") query.set("scheme", scheme);
    if (format === "doccano" && doccanoUtf16) query.set("offsets", "utf-16");
    return `/api/projects/${encodeURIComponent(projectSlug)}/datasets/export?${query}`;
  };
  const severalLayers = source === "all" && names.length > 1;

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading" className="mb-2 text-lg font-semibold">
        Export
      </h2>
      <div className="mb-3 flex flex-wrap items-end gap-4 text-sm">
        <label className="grid gap-1">
          <span className="font-medium">Source</span>
          <select value={source} onChange={(event) => setSource(event.target.value)}>
            {sources.map((value) => (
              <option key={value} value={value}>
                {value === "all" ? "all annotators" : value === "gold" ? "gold layer" : value}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1">
          <span className="font-medium">CoNLL tags</span>
          <select
            value={scheme}
            onChange={(event) => setScheme(event.target.value as typeof scheme)}
          >
            <option value="iob2">IOB2 (BIO)</option>
            <option value="iob1">IOB1</option>
            <option value="bioes">BIOES</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={doccanoUtf16}
            onChange={(event) => setDoccanoUtf16(event.target.checked)}
          />
          doccano in UTF-16 units (for doccano itself)
        </label>
        {source === "gold" && (
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={withUncurated}
              onChange={(event) => setWithUncurated(event.target.checked)}
            />
            Include gold still being curated
          </label>
        )}
      </div>
      {source !== "all" && counts.data && (
        <ExportCoverage source={source} summary={counts.data} includeUncurated={includeUncurated} />
      )}
      <ul aria-label="Downloads" className="grid gap-2 text-sm">
        {exportFormatNames.map((format) => {
          const description = formatCatalog[format];
          const blocked = description.oneLayer && severalLayers;
          return (
            <li key={format} className="flex flex-wrap items-center gap-3">
              {blocked ? (
                <span className="text-muted">{description.title}</span>
              ) : (
                <a href={hrefFor(format)} download className="font-medium underline">
                  {description.title}
                </a>
              )}
              <span className="text-xs text-muted">
                {blocked
                  ? "holds one annotator per document: choose the gold layer or an annotator"
                  : `offsets: ${format === "doccano" && doccanoUtf16 ? "UTF-16 code units" : description.offsets}`}
              </span>
              {description.tokens && !blocked && (
                <button
                  type="button"
                  className="text-xs underline"
                  onClick={() => setChecked(format)}
                >
                  Check token alignment
                </button>
              )}
              {checked === format && check.data && (
                <span className="text-xs" role="status">
                  {check.data.unalignedSpans} of {check.data.spans} spans do not align to token
                  boundaries and {check.data.overlappingSpans} share a token: left out
                  {describeDetailsLeftOut(check.data).map((line) => `; ${line}`)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
