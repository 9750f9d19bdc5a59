import type { ReactNode } from "react";
import { fetchForPage, HydrateClient, trpc } from "../../_trpc/server";

/**
 * Every page of a project: a project that does not exist, or that the visitor is not a member of,
 * is a 404 for all of them, and the project's name and the member's tabs arrive with the page.
 */
export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  await fetchForPage(trpc.project.bySlug.queryOptions({ projectSlug: slug }));
  return <HydrateClient>{children}</HydrateClient>;
}
