import Link from "next/link";

type Role = "owner" | "annotator" | "reviewer";

const tabs: { href: string; name: string; roles: Role[] }[] = [
  { href: "", name: "Documents", roles: ["owner", "annotator", "reviewer"] },
  { href: "/guidelines", name: "Guidelines", roles: ["owner", "annotator", "reviewer"] },
  { href: "/progress", name: "Progress", roles: ["owner", "reviewer"] },
  { href: "/review", name: "Agreement", roles: ["owner", "reviewer"] },
  { href: "/review/documents", name: "Disagreements", roles: ["owner", "reviewer"] },
  { href: "/datasets", name: "Datasets", roles: ["owner", "annotator", "reviewer"] },
  { href: "/settings", name: "Settings", roles: ["owner"] },
];

/** The project's sections, as far as the member's role reaches. */
export function ProjectNav({
  projectSlug,
  current,
  role,
}: {
  projectSlug: string;
  current: string;
  role?: Role;
}) {
  return (
    <nav
      aria-label="Project"
      className="mb-4 flex flex-wrap gap-4 border-b border-zinc-200 text-sm dark:border-zinc-800"
    >
      {tabs
        .filter((tab) => !role || tab.roles.includes(role))
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
