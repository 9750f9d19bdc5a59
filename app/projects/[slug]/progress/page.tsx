import { CapabilityGate } from "../capability-gate";
import { ProgressDashboard } from "./progress-dashboard";
import { projectPageTitle, type ProjectPageProps } from "../project-title";

export function generateMetadata({ params }: ProjectPageProps) {
  return projectPageTitle(params, "Progress");
}

export default async function ProgressPage({ params }: ProjectPageProps) {
  const { slug } = await params;
  return (
    <CapabilityGate projectSlug={slug} capability="seeProgress" page="Progress">
      <ProgressDashboard projectSlug={slug} />
    </CapabilityGate>
  );
}
