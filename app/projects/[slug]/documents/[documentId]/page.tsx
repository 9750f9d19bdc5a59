import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { fetchForPage, HydrateClient, trpc } from "../../../../_trpc/server";
import { AnnotationWorkspace } from "./annotation-workspace";
import { earlyInputRegion, holdEarlyInputScript } from "./early-input";

export default async function DocumentPage({
  params,
}: {
  params: Promise<{ slug: string; documentId: string }>;
}) {
  const { slug, documentId } = await params;
  const id = Number(documentId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  // The text comes with the page's HTML: no round trip after hydration before it can be read.
  const workspace = await fetchForPage(trpc.document.workspace.queryOptions({ documentId: id }));
  // A document lives at its own project's address only.
  if (workspace.project.slug !== slug) notFound();
  // The page's Content-Security-Policy runs inline scripts only with this request's nonce.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <div {...earlyInputRegion}>
      {/* Before the text: what the reader does once it shows waits for the page's code. */}
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: holdEarlyInputScript }} />
      <HydrateClient>
        <AnnotationWorkspace projectSlug={slug} documentId={id} />
      </HydrateClient>
    </div>
  );
}
