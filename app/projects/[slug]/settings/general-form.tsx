"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorBanner } from "../../../_components/error-banner";
import { useTRPC } from "../../../_trpc/client";
import { useRefreshingMutationOptions } from "../../../_trpc/use-refreshing-mutation-options";

type General = {
  name: string;
  description: string;
  allowOverlap: boolean;
  tokenSnapping: boolean;
  blindAnnotation: boolean;
  annotatorsPerDocument: number;
  goldAcceptShare: number;
  archived: boolean;
};

const switches = [
  ["allowOverlap", "Allow overlapping and nested spans"],
  ["tokenSnapping", "Snap selections to whole words"],
  ["blindAnnotation", "Blind annotation: annotators do not see each other's work"],
  ["archived", "Archived"],
] as const;

export function GeneralForm({ projectSlug, settings }: { projectSlug: string; settings: General }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<General>(settings);
  const feedback = useRefreshingMutationOptions([trpc.project.pathKey()]);
  const update = useMutation(trpc.project.update.mutationOptions(feedback.options));
  const set = <K extends keyof General>(key: K, value: General[K]) =>
    setDraft({ ...draft, [key]: value });

  return (
    <form
      className="grid max-w-xl gap-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ projectSlug, settings: draft });
      }}
    >
      <label className="grid gap-1">
        <span className="font-medium">Name</span>
        <input
          value={draft.name}
          onChange={(e) => set("name", e.target.value)}
          className="rounded border px-2 py-1"
          required
        />
      </label>
      <label className="grid gap-1">
        <span className="font-medium">Description</span>
        <textarea
          value={draft.description}
          onChange={(e) => set("description", e.target.value)}
          className="rounded border px-2 py-1"
          rows={2}
        />
      </label>
      {switches.map(([key, text]) => (
        <label key={key} className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={draft[key]}
            onChange={(e) => set(key, e.target.checked)}
          />
          {text}
        </label>
      ))}
      <label className="flex items-center gap-2">
        <span className="font-medium">Annotators per document (k)</span>
        <input
          type="number"
          min={1}
          max={50}
          value={draft.annotatorsPerDocument}
          onChange={(e) => set("annotatorsPerDocument", Number(e.target.value))}
          className="w-20 rounded border px-2 py-1"
        />
      </label>
      <label className="flex items-center gap-2">
        <span className="font-medium">
          Share of annotators that makes a span &ldquo;agreed&rdquo; for gold
        </span>
        <input
          type="number"
          min={0.01}
          max={1}
          step={0.01}
          value={draft.goldAcceptShare}
          onChange={(e) => set("goldAcceptShare", Number(e.target.value))}
          className="w-20 rounded border px-2 py-1"
        />
      </label>
      <ErrorBanner message={feedback.error} onDismiss={feedback.clearError} />
      <div>
        <button type="submit" className="rounded bg-blue-700 px-3 py-1 font-medium text-white">
          Save project settings
        </button>
        {update.isSuccess && <span className="ml-3 text-green-700 dark:text-green-400">Saved</span>}
      </div>
    </form>
  );
}
