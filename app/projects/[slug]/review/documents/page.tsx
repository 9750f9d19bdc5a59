import { DisagreementList } from "./disagreement-list";

export default async function DisagreementsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <DisagreementList projectSlug={slug} />;
}
