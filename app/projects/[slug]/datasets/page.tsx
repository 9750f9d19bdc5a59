import { DatasetsPage } from "./datasets-page";

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <DatasetsPage projectSlug={slug} />;
}
