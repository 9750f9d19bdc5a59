import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { fetchForPage, HydrateClient, trpc } from "../../../../../_trpc/server";
import { CapabilityGate } from "../../../capability-gate";
import { DocumentCuration } from "./document-curation";

type CurationPageProps = { params: Promise<{ slug: string; documentId: string }> };

/**
 * The document's review, for a member who may curate (the others get the gate's refusal),
 * fetched once per request for the title and the page alike.
 */
async function loadReview(params: CurationPageProps["params"]) {
  const { slug, documentId } = await params;
  const id = Number(documentId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const project = await fetchForPage(trpc.project.bySlug.queryOptions({ projectSlug: slug }));
  const review = project.capabilities.review
    ? await fetchForPage(trpc.review.document.queryOptions({ documentId: id }))
    : null;
  return { slug, id, project, review };
}

export async function generateMetadata({ params }: CurationPageProps): Promise<Metadata> {
  const { id, project, review } = await loadReview(params);
  if (!review) return { title: `Curation · ${project.name}` };
  return {
    title: `Curation of ${review.document.externalId ?? `Document ${id}`} · ${project.name}`,
  };
}

export default async function CurationPage({ params }: CurationPageProps) {
  const { slug, id } = await loadReview(params);
  return (
    <HydrateClient>
      <CapabilityGate projectSlug={slug} capability="review" page="curation">
        <DocumentCuration projectSlug={slug} documentId={id} />
      </CapabilityGate>
    </HydrateClient>
  );
}
