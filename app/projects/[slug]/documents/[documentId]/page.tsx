import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { fetchForPage, HydrateClient, trpc } from "../../../../_trpc/server";
import { AnnotationWorkspace } from "./annotation-workspace";
import { earlyInputRegion, holdEarlyInputScript } from "./early-input";

type DocumentPageProps = { params: Promise<{ slug: string; documentId: string }> };

/** The document's workspace, fetched once per request for the title and the page alike. */
async function loadWorkspace(params: DocumentPageProps["params"]) {
  const { slug, documentId } = await params;
  const id = Number(documentId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const workspace = await fetchForPage(trpc.document.workspace.queryOptions({ documentId: id }));
  // A document lives at its own project's address only.
  if (workspace.project.slug !== slug) notFound();
  return { slug, id, workspace };
}

export async function generateMetadata({ params }: DocumentPageProps): Promise<Metadata> {
  const { id, workspace } = await loadWorkspace(params);
  return {
    title: `${workspace.document.externalId ?? `Document ${id}`} · ${workspace.project.name}`,
  };
}

export default async function DocumentPage({ params }: DocumentPageProps) {
  // The text comes with the page's HTML: no round trip after hydration before it can be read.
  const { slug, id } = await loadWorkspace(params);
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
