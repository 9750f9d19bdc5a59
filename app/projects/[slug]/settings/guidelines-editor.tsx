"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorBanner } from "../../../_components/error-banner";
import { MarkdownText } from "../../../_components/markdown-text";
import { useTRPC } from "../../../_trpc/client";
import { useRefreshingMutationOptions } from "../../../_trpc/use-refreshing-mutation-options";

/** Markdown source beside its rendering, as annotators will read it. */
export function GuidelinesEditor({
  projectSlug,
  guidelines,
}: {
  projectSlug: string;
  guidelines: string;
}) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState(guidelines);
  const feedback = useRefreshingMutationOptions([trpc.project.pathKey()]);
  const update = useMutation(trpc.project.update.mutationOptions(feedback.options));
  return (
    <div className="grid gap-3 text-sm">
      <div className="grid gap-4 lg:grid-cols-2">
        <label className="grid gap-1">
          <span className="font-medium">Guidelines (Markdown)</span>
          <textarea
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={12}
            className="rounded border px-2 py-1 font-mono"
          />
        </label>
        <div role="region" aria-label="Preview" className="rounded border border-dashed p-3">
          <MarkdownText source={draft} />
        </div>
      </div>
      <ErrorBanner message={feedback.error} onDismiss={feedback.clearError} />
      <div>
        <button
          type="button"
          onClick={() => update.mutate({ projectSlug, settings: { guidelines: draft } })}
          className="rounded bg-blue-700 px-3 py-1 font-medium text-white"
        >
          Save guidelines
        </button>
        {update.isSuccess && <span className="ml-3 text-green-700 dark:text-green-400">Saved</span>}
      </div>
    </div>
  );
}
