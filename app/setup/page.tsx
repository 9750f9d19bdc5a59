import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { hasAnyUser } from "@/server/auth/first-run";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up" };

export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/signin");
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-semibold">Welcome to Concord</h1>
      <p className="mb-6 text-sm text-muted">
        Nobody has an account yet. Create the administrator account to get started.
      </p>
      <SetupForm />
    </section>
  );
}
