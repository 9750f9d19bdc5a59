"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "../../_trpc/client";
import { QueryState } from "../../_components/query-state";
import { StatusBadge } from "../../_components/status-badge";
import { ProjectNav } from "./project-nav";

export function DocumentList({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const project = useQuery(trpc.project.bySlug.queryOptions({ projectSlug }));
  if (!project.data) return <QueryState query={project} />;
  return (
    <section>
      <h1 className="text-2xl font-semibold">{project.data.name}</h1>
      <ProjectNav projectSlug={projectSlug} current="Documents" />
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        {project.data.documents.length} documents · you are {project.data.role}
      </p>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            <th className="py-2 pr-4">Document</th>
            <th className="py-2 pr-4">Beginning</th>
            <th className="py-2 pr-4">Spans</th>
            <th className="py-2">Your status</th>
          </tr>
        </thead>
        <tbody>
          {project.data.documents.map((document) => (
            <tr key={document.id} className="border-b border-zinc-100 dark:border-zinc-900">
              <td className="py-2 pr-4">
                <Link
                  href={`/projects/${projectSlug}/documents/${document.id}`}
                  className="font-medium underline"
                >
                  {document.externalId ?? `#${document.id}`}
                </Link>
              </td>
              <td className="max-w-md truncate py-2 pr-4 text-zinc-600 dark:text-zinc-400">
                {document.preview}
              </td>
              <td className="py-2 pr-4">{document.spanCount}</td>
              <td className="py-2">
                <StatusBadge status={document.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
