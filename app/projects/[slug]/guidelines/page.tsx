import { GuidelinesView } from "./guidelines-view";

export default async function GuidelinesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <GuidelinesView projectSlug={slug} />;
}
