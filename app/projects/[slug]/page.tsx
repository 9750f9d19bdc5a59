import { Suspense } from "react";
import { DocumentList } from "./document-list";

export default async function ProjectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // The list reads its search and filters from the URL, which the client renders on its own.
  return (
    <Suspense>
      <DocumentList projectSlug={slug} />
    </Suspense>
  );
}
