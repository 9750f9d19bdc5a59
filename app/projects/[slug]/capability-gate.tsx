"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { refusals, type Capability } from "@/domain/permissions";
import { QueryState } from "../../_components/query-state";
import { useTRPC } from "../../_trpc/client";
import { ProjectNav } from "./project-nav";

/**
 * A project page for members with a capability. Others, arriving by URL, get a page that says why
 * and leads back, instead of a form whose every request the server would refuse.
 */
export function CapabilityGate({
  projectSlug,
  capability,
  page,
  children,
}: {
  projectSlug: string;
  capability: Capability;
  page: string;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const project = useQuery(trpc.project.bySlug.queryOptions({ projectSlug }));
  if (!project.data) return <QueryState query={project} />;
  if (project.data.capabilities[capability]) return children;
  return (
    <section>
      <h1 className="mb-2 text-2xl font-semibold">You cannot open {page}</h1>
      <ProjectNav projectSlug={projectSlug} current={page} />
      <p role="alert" className="mb-4 first-letter:uppercase">
        {refusals[capability]}.
      </p>
      <Link href={`/projects/${projectSlug}`} className="underline">
        Back to {project.data.name}
      </Link>
    </section>
  );
}
