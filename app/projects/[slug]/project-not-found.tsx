"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

/**
 * A document or page of a project that does not exist, or that the member may not see: the
 * same answer for both, so addresses do not tell outsiders what a project holds.
 */
export function ProjectNotFound() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <section className="mx-auto max-w-md py-12 text-center">
      <h1 className="mb-2 text-2xl font-semibold">Not found</h1>
      <p className="mb-6 text-muted">
        This project has no such document or page, or you are not a member of it.
      </p>
      <nav aria-label="Ways back" className="flex justify-center gap-6">
        <Link href={`/projects/${slug}`} className="underline">
          Back to the project
        </Link>
        <Link href="/projects" className="underline">
          All projects
        </Link>
      </nav>
    </section>
  );
}
