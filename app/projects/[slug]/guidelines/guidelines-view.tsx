"use client";

import { useQuery } from "@tanstack/react-query";
import { MarkdownText } from "../../../_components/markdown-text";
import { QueryState } from "../../../_components/query-state";
import { useTRPC } from "../../../_trpc/client";
import { ProjectNav } from "../project-nav";

export function GuidelinesView({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.project.settings.queryOptions({ projectSlug }));
  const data = settings.data;
  if (!data) return <QueryState query={settings} />;
  return (
    <section>
      <h1 className="mb-2 text-2xl font-semibold">{data.name}: guidelines</h1>
      <ProjectNav projectSlug={projectSlug} current="Guidelines" />
      {data.guidelines.trim() === "" ? (
        <p className="text-muted">This project has no guidelines yet.</p>
      ) : (
        <MarkdownText source={data.guidelines} />
      )}
      <h2 className="mt-8 mb-2 text-lg font-semibold">Labels</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {data.labels.map((label) => (
          <div key={label.id} className="contents">
            <dt>
              <span
                title={label.name}
                style={{ backgroundColor: label.color, color: label.textColor }}
                className="inline-block max-w-48 truncate rounded px-2 py-0.5 align-bottom"
              >
                {label.name}
              </span>
            </dt>
            <dd>{label.description || <span className="text-muted">no description</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
