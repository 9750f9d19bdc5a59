import { CapabilityGate } from "../../capability-gate";
import { DisagreementList } from "./disagreement-list";
import { projectPageTitle, type ProjectPageProps } from "../../project-title";

export function generateMetadata({ params }: ProjectPageProps) {
  return projectPageTitle(params, "Disagreements");
}

export default async function DisagreementsPage({ params }: ProjectPageProps) {
  const { slug } = await params;
  return (
    <CapabilityGate projectSlug={slug} capability="review" page="Disagreements">
      <DisagreementList projectSlug={slug} />
    </CapabilityGate>
  );
}
