import { CapabilityGate } from "../../capability-gate";
import { DisagreementList } from "./disagreement-list";

export default async function DisagreementsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <CapabilityGate projectSlug={slug} capability="review" page="Disagreements">
      <DisagreementList projectSlug={slug} />
    </CapabilityGate>
  );
}
