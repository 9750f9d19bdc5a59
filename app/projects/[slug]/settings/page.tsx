import { CapabilityGate } from "../capability-gate";
import { ProjectSettings } from "./project-settings";

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <CapabilityGate projectSlug={slug} capability="manageProject" page="Settings">
      <ProjectSettings projectSlug={slug} />
    </CapabilityGate>
  );
}
