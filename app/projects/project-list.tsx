"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "../_trpc/client";
import { QueryState } from "../_components/query-state";
import { countOf } from "@/domain/count-of";

export function ProjectList() {
  const trpc = useTRPC();
  const projects = useQuery(trpc.project.list.queryOptions());
  if (!projects.data) return <QueryState query={projects} />;
  if (projects.data.length === 0) {
    return <p className="text-muted">You are not a member of any project yet.</p>;
  }
  return (
    <ul className="divide-y divide-zinc-200 rounded border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {projects.data.map((project) => (
        <li key={project.slug}>
          <Link
            href={`/projects/${project.slug}`}
            className="flex items-center justify-between px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-900"
          >
            <span className="font-medium">
              {project.name}
              {project.archived && <span className="ml-2 text-xs text-muted">archived</span>}
            </span>
            <span className="text-sm text-muted">
              {countOf(project.documentCount, "document")} · {project.role}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
