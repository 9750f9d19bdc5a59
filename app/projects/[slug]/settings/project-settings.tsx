"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { QueryState } from "../../../_components/query-state";
import { useTRPC } from "../../../_trpc/client";
import { ProjectNav } from "../project-nav";
import { AssignmentPanel } from "./assignment-panel";
import { AttributeEditor } from "./attribute-editor";
import { DocumentLabelEditor } from "./document-label-editor";
import { GeneralForm } from "./general-form";
import { GuidelinesEditor } from "./guidelines-editor";
import { LabelEditor } from "./label-editor";
import { MemberManager } from "./member-manager";
import { RelationTypeEditor } from "./relation-type-editor";

/** Everything an owner sets up for a campaign, on one page, one section per concern. */
export function ProjectSettings({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.project.settings.queryOptions({ projectSlug }));
  const scheme = useQuery(trpc.scheme.list.queryOptions({ projectSlug }));
  const data = settings.data;
  if (!data) return <QueryState query={settings} />;
  return (
    <section>
      <h1 className="mb-2 text-2xl font-semibold">{data.name}: settings</h1>
      <ProjectNav projectSlug={projectSlug} current="Settings" />
      <div className="space-y-8">
        <SettingsSection title="Project">
          <GeneralForm projectSlug={projectSlug} settings={data} />
        </SettingsSection>
        <SettingsSection title="Labels">
          <LabelEditor projectSlug={projectSlug} labels={data.labels} />
        </SettingsSection>
        {scheme.data ? (
          <>
            <SettingsSection title="Relation types">
              <RelationTypeEditor
                projectSlug={projectSlug}
                labels={data.labels}
                relationTypes={scheme.data.relationTypes}
              />
            </SettingsSection>
            <SettingsSection title="Attributes">
              <AttributeEditor
                projectSlug={projectSlug}
                labels={data.labels}
                attributes={scheme.data.attributes}
              />
            </SettingsSection>
            <SettingsSection title="Document labels">
              <DocumentLabelEditor projectSlug={projectSlug} sets={scheme.data.documentLabelSets} />
            </SettingsSection>
          </>
        ) : (
          <QueryState query={scheme} />
        )}
        <SettingsSection title="Members">
          <MemberManager projectSlug={projectSlug} />
        </SettingsSection>
        <SettingsSection title="Guidelines">
          <GuidelinesEditor projectSlug={projectSlug} guidelines={data.guidelines} />
        </SettingsSection>
        <SettingsSection title="Assignment">
          <AssignmentPanel
            projectSlug={projectSlug}
            annotatorsPerDocument={data.annotatorsPerDocument}
          />
        </SettingsSection>
      </div>
    </section>
  );
}

function SettingsSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={`settings-${title}`}
      className="rounded border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <h2 id={`settings-${title}`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
