import Link from "next/link";
import { auth } from "@/server/auth";
import { isSiteAdmin } from "@/server/auth/site-admin";

export async function SiteHeader() {
  const session = await auth();
  const isAdmin = Boolean(session?.user?.id && (await isSiteAdmin(Number(session.user.id))));
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <nav
        aria-label="Site"
        className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3"
      >
        <Link href="/projects" className="text-lg font-semibold tracking-tight">
          Concord
        </Link>
        {session?.user && (
          <div className="flex items-center gap-4 text-sm">
            {isAdmin && (
              <Link href="/admin/users" className="underline">
                Users
              </Link>
            )}
            <span data-testid="signed-in-user">{session.user.name}</span>
            <Link href="/signout" className="underline">
              Sign out
            </Link>
          </div>
        )}
      </nav>
    </header>
  );
}
