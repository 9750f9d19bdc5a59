"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorBanner } from "../_components/error-banner";
import { useTRPC } from "../_trpc/client";

/** Starts a project with its first labels; the creator becomes its owner. */
export function NewProjectForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.project.create.mutationOptions({
      onError: (failure) => setError(failure.message),
      onSuccess: ({ slug }) => router.push(`/projects/${slug}/settings`),
    }),
  );
  return (
    <form
      aria-label="New project"
      className="mt-8 grid max-w-xl gap-2 rounded border border-zinc-200 p-4 text-sm dark:border-zinc-800"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const labels = String(form.get("labels") ?? "")
          .split(",")
          .map((label) => label.trim())
          .filter(Boolean);
        create.mutate({ slug: String(form.get("slug")), name: String(form.get("name")), labels });
      }}
    >
      <h2 className="text-lg font-semibold">New project</h2>
      <label className="grid gap-1">
        Name
        <input name="name" required className="rounded border px-2 py-1" />
      </label>
      <label className="grid gap-1">
        Short name for links (lowercase letters, digits, dashes)
        <input
          name="slug"
          required
          pattern="[a-z0-9][a-z0-9\-]*"
          className="rounded border px-2 py-1"
        />
      </label>
      <label className="grid gap-1">
        Labels, comma-separated
        <input name="labels" placeholder="PER, ORG, LOC" className="rounded border px-2 py-1" />
      </label>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <div>
        <button type="submit" className="rounded bg-blue-700 px-3 py-1 font-medium text-white">
          Create project
        </button>
      </div>
    </form>
  );
}
