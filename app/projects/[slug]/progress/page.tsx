import { CapabilityGate } from "../capability-gate";
import { ProgressDashboard } from "./progress-dashboard";

export default async function ProgressPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <CapabilityGate projectSlug={slug} capability="seeProgress" page="Progress">
      <ProgressDashboard projectSlug={slug} />
    </CapabilityGate>
  );
}
