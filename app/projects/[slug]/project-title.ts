import type { Metadata } from "next";
import { fetchForPage, trpc } from "../../_trpc/server";

export type ProjectPageProps = { params: Promise<{ slug: string }> };

/**
 * A project page's title, "Settings · Kursk news": the project's name comes from the query the
 * project layout makes anyway, answered once per request from its query client.
 */
export async function projectPageTitle(
  params: ProjectPageProps["params"],
  page: string,
): Promise<Metadata> {
  const { slug } = await params;
  const project = await fetchForPage(trpc.project.bySlug.queryOptions({ projectSlug: slug }));
  return { title: `${page} · ${project.name}` };
}
