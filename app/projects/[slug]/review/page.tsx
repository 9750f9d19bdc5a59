import { CapabilityGate } from "../capability-gate";
import { AgreementOverview } from "./agreement-overview";

export default async function ReviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <CapabilityGate projectSlug={slug} capability="review" page="Agreement">
      <AgreementOverview projectSlug={slug} />
    </CapabilityGate>
  );
}
