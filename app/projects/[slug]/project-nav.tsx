import Link from "next/link";

const tabs = [
  { href: "", name: "Documents" },
  { href: "/review", name: "Agreement" },
  { href: "/review/documents", name: "Disagreements" },
  { href: "/datasets", name: "Datasets" },
] as const;

export function ProjectNav({ projectSlug, current }: { projectSlug: string; current: string }) {
  return (
    <nav
      aria-label="Project"
      className="mb-4 flex gap-4 border-b border-zinc-200 text-sm dark:border-zinc-800"
    >
      {tabs.map((tab) => (
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
