"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatMetric } from "@/domain/agreement/format-metric";
import { QueryState } from "../../../../_components/query-state";
import { useTRPC } from "../../../../_trpc/client";
import { ProjectNav } from "../../project-nav";
import { countOf } from "@/domain/count-of";

/** Documents with two or more submissions, least agreement first, to know where to look. */
export function DisagreementList({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const documents = useQuery(trpc.review.documents.queryOptions({ projectSlug }));
  const [label, setLabel] = useState("");
  const [annotator, setAnnotator] = useState("");
  const data = documents.data;
  if (!data) return <QueryState query={documents} />;

  const labels = [...new Set(data.flatMap((d) => d.labels))].sort();
  const annotators = [...new Set(data.flatMap((d) => d.annotators))].sort();
  const shown = data.filter(
    (d) => (!label || d.labels.includes(label)) && (!annotator || d.annotators.includes(annotator)),
  );

  return (
    <section>
      <h1 className="mb-2 text-2xl font-semibold">Disagreements</h1>
      <ProjectNav projectSlug={projectSlug} current="Disagreements" />
      <div className="mb-4 flex flex-wrap gap-4 text-sm">
        <Filter name="Label" value={label} options={labels} onChange={setLabel} />
        <Filter name="Annotator" value={annotator} options={annotators} onChange={setAnnotator} />
        <span className="self-end text-muted">{countOf(shown.length, "document")}</span>
      </div>
      {shown.length === 0 ? (
        <p className="text-muted">
          No document has two submissions{label || annotator ? " matching these filters" : ""} yet.
        </p>
      ) : (
        <ul
          className="divide-y divide-zinc-200 dark:divide-zinc-800"
          aria-label="Documents by agreement"
        >
          {shown.map((d) => (
            <li key={d.id} className="flex items-center gap-4 py-2">
              <Link
                href={`/projects/${projectSlug}/review/documents/${d.id}`}
                className="w-56 truncate font-medium underline"
              >
                {d.externalId ?? `#${d.id}`}
              </Link>
              <AgreementBar alpha={d.alpha} />
              <span className="text-sm text-muted">{d.annotators.join(", ")}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Alpha runs from -1 to 1; the bar shows 0..1 and stays empty below 0 or when undefined. */
function AgreementBar({ alpha }: { alpha: number | null }) {
  const width = alpha === null ? 0 : Math.max(0, Math.min(1, alpha)) * 100;
  return (
    <span className="flex items-center gap-2" data-testid="document-alpha">
      <span className="h-2 w-32 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800" aria-hidden>
        <span className="block h-full bg-blue-600" style={{ width: `${width}%` }} />
      </span>
      <span className="w-12 text-sm tabular-nums">{formatMetric(alpha)}</span>
    </span>
  );
}

function Filter(props: {
  name: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="flex flex-col">
      <span className="text-xs text-muted">{props.name}</span>
      <select
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        className="rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
      >
        <option value="">All</option>
        {props.options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    </label>
  );
}
