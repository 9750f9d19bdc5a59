"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fillLabelHotkeys, readableTextColor } from "@/domain/labels";
import { ErrorBanner } from "../../../_components/error-banner";
import { useTRPC } from "../../../_trpc/client";
import { useRefreshingMutationOptions } from "../../../_trpc/use-refreshing-mutation-options";
import { countOf } from "@/domain/count-of";

type Label = {
  id: number;
  name: string;
  color: string;
  hotkey: string | null;
  description: string;
};

/** Name, colour, hotkey and description of each label, in the order the picker shows them. */
export function LabelEditor({ projectSlug, labels }: { projectSlug: string; labels: Label[] }) {
  const trpc = useTRPC();
  const feedback = useRefreshingMutationOptions([trpc.project.pathKey(), trpc.label.pathKey()]);
  const create = useMutation(trpc.label.create.mutationOptions(feedback.options));
  const [newName, setNewName] = useState("");
  // The keys the annotation page gives labels without one, shown (and saved) as theirs.
  const shown = fillLabelHotkeys(labels);

  return (
    <div className="text-sm">
      <ErrorBanner message={feedback.error} onDismiss={feedback.clearError} />
      <ol aria-label="Labels" className="space-y-2">
        {shown.map((label, index) => (
          <LabelRow
            key={`${label.id}-${label.name}-${label.color}-${label.hotkey}-${label.description}`}
            projectSlug={projectSlug}
            label={label}
            automaticHotkey={labels[index]?.hotkey === null && label.hotkey !== null}
            first={index === 0}
            last={index === labels.length - 1}
            feedback={feedback}
          />
        ))}
      </ol>
      <form
        className="mt-3 flex gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { projectSlug, label: { name: newName.trim() } },
            { onSuccess: () => setNewName("") },
          );
        }}
      >
        <input
          aria-label="New label name"
          placeholder="New label"
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          className="rounded border px-2 py-1"
          required
        />
        <button type="submit" className="rounded border px-3 py-1">
          Add label
        </button>
      </form>
    </div>
  );
}

type Feedback = ReturnType<typeof useRefreshingMutationOptions>;

function LabelRow(props: {
  projectSlug: string;
  label: Label;
  /** The hotkey is one the annotation page gives it, not one chosen here. */
  automaticHotkey: boolean;
  first: boolean;
  last: boolean;
  feedback: Feedback;
}) {
  const { projectSlug, label, feedback } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(label);
  const [pendingDelete, setPendingDelete] = useState<number | null>(null);
  const update = useMutation(trpc.label.update.mutationOptions(feedback.options));
  const move = useMutation(trpc.label.move.mutationOptions(feedback.options));
  const remove = useMutation(trpc.label.delete.mutationOptions(feedback.options));
  const changed = JSON.stringify(draft) !== JSON.stringify(label);

  async function askToDelete() {
    const usage = await queryClient.fetchQuery(
      trpc.label.usage.queryOptions({ projectSlug, labelId: label.id }, { staleTime: 0 }),
    );
    setPendingDelete(usage.spans);
  }

  return (
    <li
      data-testid="label-row"
      data-label={label.name}
      className="flex flex-wrap items-center gap-2"
    >
      <span
        title={draft.name}
        style={{ backgroundColor: draft.color, color: readableTextColor(draft.color) }}
        className="w-24 truncate rounded px-2 py-0.5 text-center"
      >
        {draft.name || "…"}
      </span>
      <input
        aria-label={`Name of ${label.name}`}
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        className="w-28 rounded border px-2 py-1"
      />
      <input
        aria-label={`Colour of ${label.name}`}
        type="color"
        value={draft.color}
        onChange={(e) => setDraft({ ...draft, color: e.target.value })}
        className="h-8 w-10"
      />
      <input
        aria-label={`Hotkey of ${label.name}`}
        value={draft.hotkey ?? ""}
        maxLength={1}
        title={
          props.automaticHotkey
            ? "Given automatically: the first key no other label has. Type another to choose."
            : undefined
        }
        onChange={(e) => setDraft({ ...draft, hotkey: e.target.value.toLowerCase() || null })}
        className="w-10 rounded border px-2 py-1 text-center"
      />
      <input
        aria-label={`Description of ${label.name}`}
        value={draft.description}
        placeholder="Description (shown as a tooltip)"
        onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        className="min-w-48 flex-1 rounded border px-2 py-1"
      />
      <button
        type="button"
        aria-label={`Move ${label.name} up`}
        disabled={props.first}
        onClick={() => move.mutate({ projectSlug, labelId: label.id, direction: "up" })}
        className="rounded border px-2 py-1 disabled:opacity-40"
      >
        ↑
      </button>
      <button
        type="button"
        aria-label={`Move ${label.name} down`}
        disabled={props.last}
        onClick={() => move.mutate({ projectSlug, labelId: label.id, direction: "down" })}
        className="rounded border px-2 py-1 disabled:opacity-40"
      >
        ↓
      </button>
      <button
        type="button"
        disabled={!changed}
        onClick={() => update.mutate({ projectSlug, labelId: label.id, label: draft })}
        className="rounded bg-blue-700 px-3 py-1 text-white disabled:opacity-40"
      >
        Save
      </button>
      {pendingDelete === null ? (
        <button
          type="button"
          onClick={askToDelete}
          className="rounded border border-red-300 px-2 py-1 text-red-800 dark:text-red-200"
        >
          Delete
        </button>
      ) : (
        <span
          role="alert"
          className="flex items-center gap-2 rounded bg-red-50 px-2 py-1 text-red-900 dark:bg-red-950 dark:text-red-100"
        >
          Delete {label.name}
          {pendingDelete > 0 ? ` and its ${countOf(pendingDelete, "span")}` : ""}?
          <button
            type="button"
            onClick={() =>
              remove.mutate({ projectSlug, labelId: label.id, confirmedSpanCount: pendingDelete })
            }
            className="underline"
          >
            Confirm
          </button>
          <button type="button" onClick={() => setPendingDelete(null)} className="underline">
            Cancel
          </button>
        </span>
      )}
    </li>
  );
}
