import { notFound } from "next/navigation";
import { AnnotationWorkspace } from "./annotation-workspace";

export default async function DocumentPage({
  params,
}: {
  params: Promise<{ slug: string; documentId: string }>;
}) {
  const { slug, documentId } = await params;
  const id = Number(documentId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return <AnnotationWorkspace projectSlug={slug} documentId={id} />;
}
