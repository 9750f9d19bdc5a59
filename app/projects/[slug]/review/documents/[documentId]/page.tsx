import { notFound } from "next/navigation";
import { CapabilityGate } from "../../../capability-gate";
import { DocumentCuration } from "./document-curation";

export default async function CurationPage({
  params,
}: {
  params: Promise<{ slug: string; documentId: string }>;
}) {
  const { slug, documentId } = await params;
  const id = Number(documentId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return (
    <CapabilityGate projectSlug={slug} capability="review" page="curation">
      <DocumentCuration projectSlug={slug} documentId={id} />
    </CapabilityGate>
  );
}
