"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatMetric } from "@/domain/agreement/format-metric";
import { QueryState } from "../../../../_components/query-state";
import { useTRPC } from "../../../../_trpc/client";
import { ProjectNav } from "../../project-nav";
import { countOf } from "@/domain/count-of";

const pageSize = 100;

/** Documents with two or more submissions, least agreement first, to know where to look. */
export function DisagreementList({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const [label, setLabel] = useState("");
  const [annotator, setAnnotator] = useState("");
  const documents = useInfiniteQuery(
    trpc.review.documents.infiniteQueryOptions(
      {
        projectSlug,
        limit: pageSize,
        label: label || undefined,
        annotator: annotator || undefined,
      },
      // The filters stay mounted (and the last list shown) while another filter's page loads.
      { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
    ),
  );
  const first = documents.data?.pages[0];
  if (!first) return <QueryState query={documents} />;
  const shown = documents.data?.pages.flatMap((page) => page.items) ?? [];
  const count =
    shown.length < first.total
      ? `${shown.length} of ${countOf(first.total, "document")}`
      : countOf(first.total, "document");

  return (
    <section>
      <h1 className="mb-2 text-2xl font-semibold">Disagreements</h1>
      <ProjectNav projectSlug={projectSlug} current="Disagreements" />
      <div className="mb-4 flex flex-wrap gap-4 text-sm">
        <Filter name="Label" value={label} options={first.labels} onChange={setLabel} />
        <Filter
          name="Annotator"
          value={annotator}
          options={first.annotators}
          onChange={setAnnotator}
        />
        <span className="self-end text-muted">{count}</span>
      </div>
      {shown.length === 0 ? (
        <p className="text-muted">
          No document has two submissions{label || annotator ? " matching these filters" : ""} yet.
        </p>
      ) : (
        <ul
          className="divide-y divide-zinc-200 dark:divide-zinc-800"
          aria-label="Documents by agreement"
          aria-busy={documents.isPlaceholderData}
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
      {documents.hasNextPage && (
        <button
          type="button"
          onClick={() => documents.fetchNextPage()}
          disabled={documents.isFetchingNextPage}
          className="mt-4 rounded border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700"
        >
          {documents.isFetchingNextPage ? "Loading…" : `Show ${pageSize} more`}
        </button>
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
