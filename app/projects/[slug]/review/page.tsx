import { AgreementOverview } from "./agreement-overview";

export default async function ReviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <AgreementOverview projectSlug={slug} />;
}
