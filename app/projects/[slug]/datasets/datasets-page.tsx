"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "../../../_components/query-state";
import { useTRPC } from "../../../_trpc/client";
import { ProjectNav } from "../project-nav";
import { ExportPanel } from "./export-panel";
import { ImportPanel } from "./import-panel";

export function DatasetsPage({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const project = useQuery(trpc.project.bySlug.queryOptions({ projectSlug }));
  if (!project.data) return <QueryState query={project} />;
  const { capabilities } = project.data;
  return (
    <section>
      <h1 className="mb-2 text-2xl font-semibold">Datasets</h1>
      <ProjectNav projectSlug={projectSlug} current="Datasets" />
      {capabilities.importDocuments && <ImportPanel projectSlug={projectSlug} />}
      <ExportPanel projectSlug={projectSlug} exportAnySource={capabilities.exportAnySource} />
    </section>
  );
}
