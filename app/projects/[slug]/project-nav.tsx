"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Capability } from "@/domain/permissions";
import { useTRPC } from "../../_trpc/client";

/** Each tab shows to members with its capability; tabs without one show to every member. */
const tabs: { href: string; name: string; requires?: Capability }[] = [
  { href: "", name: "Documents" },
  { href: "/guidelines", name: "Guidelines" },
  { href: "/progress", name: "Progress", requires: "seeProgress" },
  { href: "/review", name: "Agreement", requires: "review" },
  { href: "/review/documents", name: "Disagreements", requires: "review" },
  { href: "/datasets", name: "Datasets" },
  { href: "/settings", name: "Settings", requires: "manageProject" },
];

/**
 * The project's sections the member may use, from the capabilities the server sends: the same
 * tabs on every page. None show until those are known, rather than a guess that then changes.
 */
export function ProjectNav({ projectSlug, current }: { projectSlug: string; current: string }) {
  const trpc = useTRPC();
  const capabilities = useQuery(trpc.project.bySlug.queryOptions({ projectSlug })).data
    ?.capabilities;
  return (
    <nav
      aria-label="Project"
      className="mb-4 flex min-h-10 flex-wrap gap-4 border-b border-zinc-200 text-sm dark:border-zinc-800"
    >
      {capabilities &&
        tabs
          .filter((tab) => !tab.requires || capabilities[tab.requires])
          .map((tab) => (
            <Link
              key={tab.name}
              href={`/projects/${projectSlug}${tab.href}`}
              aria-current={tab.name === current ? "page" : undefined}
              className="-mb-px border-b-2 border-transparent px-1 py-2 aria-[current]:border-blue-700 aria-[current]:font-semibold"
            >
              {tab.name}
            </Link>
          ))}
    </nav>
  );
}
