"use client";

import { useQuery } from "@tanstack/react-query";
import { formatDistanceToNow } from "date-fns";
import { QueryState } from "../../../_components/query-state";
import { useTRPC } from "../../../_trpc/client";
import { ProjectNav } from "../project-nav";

/** Who has done how much of what they were given, and how far each document is from k submissions. */
export function ProgressDashboard({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const progress = useQuery(trpc.project.progress.queryOptions({ projectSlug }));
  const data = progress.data;
  if (!data) return <QueryState query={progress} />;
  const k = data.annotatorsPerDocument;

  return (
    <section>
      <h1 className="mb-2 text-2xl font-semibold">Progress</h1>
      <ProjectNav projectSlug={projectSlug} current="Progress" />
      <table aria-label="Progress per annotator" className="w-full text-left text-sm tabular-nums">
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            <th className="py-2 pr-4">Annotator</th>
            <th className="py-2 pr-4">Submitted of assigned</th>
            <th className="py-2 pr-4">Assigned</th>
            <th className="py-2 pr-4">In progress</th>
            <th className="py-2 pr-4">Submitted</th>
            <th className="py-2">Last activity</th>
          </tr>
        </thead>
        <tbody>
          {data.annotators.map((annotator) => (
            <tr key={annotator.name} className="border-b border-zinc-100 dark:border-zinc-900">
              <th scope="row" className="py-2 pr-4 font-medium">
                {annotator.name}
                {!annotator.member && (
                  <span className="ml-2 text-xs text-muted">(no longer a member)</span>
                )}
              </th>
              <td className="py-2 pr-4">
                <progress
                  value={annotator.submitted}
                  max={Math.max(annotator.assigned, annotator.submitted, 1)}
                  aria-label={`${annotator.name}: ${annotator.submitted} of ${annotator.assigned} submitted`}
                  className="h-2 w-40 accent-green-700"
                />
              </td>
              <td className="py-2 pr-4">{annotator.assigned}</td>
              <td className="py-2 pr-4">{annotator.inProgress}</td>
              <td className="py-2 pr-4">{annotator.submitted}</td>
              <td className="py-2">
                {annotator.lastActivity
                  ? `${formatDistanceToNow(annotator.lastActivity)} ago`
                  : "never"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="mt-8 mb-2 text-lg font-semibold">Documents by submissions (k = {k})</h2>
      <ul aria-label="Documents by number of submissions" className="space-y-1 text-sm">
        {data.documentsBySubmissions.map((documents, submissions) => (
          <li key={submissions} className="flex items-center gap-3">
            <span className="w-28">
              {submissions === k ? `${k} or more` : submissions} submitted
            </span>
            <span className="w-10 text-right tabular-nums">{documents}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
