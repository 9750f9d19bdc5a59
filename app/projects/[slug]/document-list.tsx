"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTRPC } from "../../_trpc/client";
import { QueryState } from "../../_components/query-state";
import { StatusBadge } from "../../_components/status-badge";
import {
  DocumentFilters,
  readFilters,
  writeFilters,
  type ListFilters,
} from "./document-list-filters";
import { DocumentLabelBadges } from "./document-list-labels";
import { ProjectNav } from "./project-nav";
import { countOf } from "@/domain/count-of";

const pageSize = 50;

/**
 * The project's documents a page at a time, with search, filters and sort kept in the URL.
 * Annotators see their own status; owners and reviewers also each annotator's and the gold one.
 */
export function DocumentList({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const pathname = usePathname();
  const filters = readFilters(useSearchParams());
  const project = useQuery(trpc.project.bySlug.queryOptions({ projectSlug }));
  const labelSets =
    useQuery(trpc.scheme.list.queryOptions({ projectSlug })).data?.documentLabelSets ?? [];
  const list = useInfiniteQuery(
    trpc.document.list.infiniteQueryOptions(
      { projectSlug, limit: pageSize, ...filters },
      // The last list stays on screen (and its filters mounted) while a new view loads: a filter
      // that vanished mid-load would swallow the click a reviewer makes on it.
      { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
    ),
  );
  // The native history call updates useSearchParams at once and asks the server for nothing:
  // the list itself comes through tRPC, so a checkbox reflects its click immediately.
  const setFilters = (next: ListFilters) => {
    const query = writeFilters(next);
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  };

  if (!project.data) return <QueryState query={project} />;
  const first = list.data?.pages[0];
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const view = first?.view ?? { ownStatus: false, team: false, gold: false };
  return (
    <section>
      <h1 className="text-2xl font-semibold">{project.data.name}</h1>
      <ProjectNav projectSlug={projectSlug} current="Documents" />
      <DocumentFilters
        filters={filters}
        onChange={setFilters}
        view={view}
        annotators={first?.annotators ?? []}
        labelSets={labelSets}
      />
      {!first ? (
        <QueryState query={list} />
      ) : (
        <>
          <p className="mb-4 text-sm text-muted" aria-live="polite">
            {describeCount(rows.length, first.total)} · you are {project.data.role}
          </p>
          <table className="w-full text-left text-sm" aria-busy={list.isPlaceholderData}>
            <thead className="border-b border-zinc-200 dark:border-zinc-800">
              <tr>
                <th className="py-2 pr-4">Document</th>
                <th className="py-2 pr-4">Beginning</th>
                {view.ownStatus && <th className="py-2 pr-4">Spans</th>}
                {view.ownStatus && <th className="py-2 pr-4">Your status</th>}
                {view.team && <th className="py-2 pr-4">Annotators</th>}
                {view.gold && <th className="py-2 pr-4">Gold</th>}
                {labelSets.length > 0 && <th className="py-2">Document labels</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((document) => (
                <tr key={document.id} className="border-b border-zinc-100 dark:border-zinc-900">
                  <td className="py-2 pr-4">
                    <Link
                      href={`/projects/${projectSlug}/documents/${document.id}`}
                      className="font-medium underline"
                    >
                      {document.externalId ?? `#${document.id}`}
                    </Link>
                  </td>
                  <td className="max-w-md truncate py-2 pr-4 text-muted">{document.preview}</td>
                  {view.ownStatus && <td className="py-2 pr-4">{document.spanCount}</td>}
                  {view.ownStatus && (
                    <td className="py-2 pr-4">
                      <StatusBadge status={document.status} />
                    </td>
                  )}
                  {view.team && (
                    <td className="py-2 pr-4">
                      <ul aria-label="Annotators' status" className="flex flex-wrap gap-2">
                        {document.team.map((member) => (
                          <li key={member.userId} className="flex items-center gap-1">
                            {member.name}{" "}
                            <StatusBadge status={member.status} testId="team-status" />
                          </li>
                        ))}
                      </ul>
                    </td>
                  )}
                  {view.gold && (
                    <td className="py-2 pr-4">
                      {document.gold === "none" || !document.gold ? (
                        <span className="text-muted">none</span>
                      ) : (
                        <StatusBadge status={document.gold} testId="gold-status" />
                      )}
                    </td>
                  )}
                  {labelSets.length > 0 && (
                    <td className="py-2">
                      <DocumentLabelBadges
                        sets={labelSets}
                        own={view.ownStatus ? document.documentLabels : null}
                        gold={document.goldDocumentLabels}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {list.hasNextPage && (
            <button
              type="button"
              onClick={() => list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
              className="mt-4 rounded border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700"
            >
              {list.isFetchingNextPage ? "Loading…" : `Show ${pageSize} more`}
            </button>
          )}
          {list.error && <QueryState query={list} />}
        </>
      )}
    </section>
  );
}

function describeCount(shown: number, total: { count: number; atLeast: boolean } | null) {
  if (!total) return countOf(shown, "document");
  const count = `${total.count.toLocaleString("en")}${total.atLeast ? "+" : ""}`;
  const noun = total.count === 1 && !total.atLeast ? "document" : "documents";
  return shown < total.count ? `${shown} of ${count} ${noun}` : `${count} ${noun}`;
}
