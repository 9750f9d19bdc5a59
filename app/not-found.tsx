import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <section className="mx-auto max-w-md py-12 text-center">
      <h1 className="mb-2 text-2xl font-semibold">Page not found</h1>
      <p className="mb-6 text-muted">There is nothing at this address.</p>
      <Link href="/projects" className="underline">
        All projects
      </Link>
    </section>
  );
}
