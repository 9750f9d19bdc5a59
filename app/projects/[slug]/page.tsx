import { DocumentList } from "./document-list";

export default async function ProjectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <DocumentList projectSlug={slug} />;
}
