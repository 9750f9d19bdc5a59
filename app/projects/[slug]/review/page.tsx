import { CapabilityGate } from "../capability-gate";
import { AgreementOverview } from "./agreement-overview";
import { projectPageTitle, type ProjectPageProps } from "../project-title";

export function generateMetadata({ params }: ProjectPageProps) {
  return projectPageTitle(params, "Agreement");
}

export default async function ReviewPage({ params }: ProjectPageProps) {
  const { slug } = await params;
  return (
    <CapabilityGate projectSlug={slug} capability="review" page="Agreement">
      <AgreementOverview projectSlug={slug} />
    </CapabilityGate>
  );
}
