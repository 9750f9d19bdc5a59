import { Suspense } from "react";
import { DocumentList } from "./document-list";
import { projectPageTitle, type ProjectPageProps } from "./project-title";

export function generateMetadata({ params }: ProjectPageProps) {
  return projectPageTitle(params, "Documents");
}

export default async function ProjectPage({ params }: ProjectPageProps) {
  const { slug } = await params;
  // The list reads its search and filters from the URL, which the client renders on its own.
  return (
    <Suspense>
      <DocumentList projectSlug={slug} />
    </Suspense>
  );
}
