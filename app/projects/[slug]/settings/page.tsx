import { CapabilityGate } from "../capability-gate";
import { ProjectSettings } from "./project-settings";
import { projectPageTitle, type ProjectPageProps } from "../project-title";

export function generateMetadata({ params }: ProjectPageProps) {
  return projectPageTitle(params, "Settings");
}

export default async function SettingsPage({ params }: ProjectPageProps) {
  const { slug } = await params;
  return (
    <CapabilityGate projectSlug={slug} capability="manageProject" page="Settings">
      <ProjectSettings projectSlug={slug} />
    </CapabilityGate>
  );
}
