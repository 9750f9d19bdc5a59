"use client";

import type { KeyboardEvent, Ref } from "react";
import type { TextLabel } from "../../../../_components/text/types";
import type { DocumentSearch } from "./use-document-search";

type DocumentSearchBarProps = {
  search: DocumentSearch;
  inputRef: Ref<HTMLInputElement>;
  labels: TextLabel[];
  /** How many matches "tag all" would tag: whole, unannotated occurrences. */
  taggableCount: number;
  onTagAll: ((label: TextLabel) => void) | null;
  onStep: (direction: 1 | -1) => void;
  onClose: () => void;
};

/**
 * Find in the document. Enter and Shift+Enter step through the matches, putting the keyboard
 * cursor on each (Escape then goes back to the text, where a label key tags it); "tag all" tags
 * every unannotated occurrence at once, as one change.
 */
export function DocumentSearchBar(props: DocumentSearchBarProps) {
  const { search, inputRef, labels, taggableCount, onTagAll, onStep, onClose } = props;
  const tagLabel = labels.find((label) => label.id === search.tagLabelId);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      onStep(event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div
      role="search"
      aria-label="Find in document"
      className="mb-3 flex flex-wrap items-center gap-2 rounded border border-zinc-300 p-2 text-sm dark:border-zinc-700"
    >
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in document"
        value={search.query}
        onChange={(event) => search.changeQuery(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Find…"
        className="w-56 rounded border border-zinc-400 px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900"
      />
      <span aria-live="polite" data-testid="search-count" className="min-w-20 text-muted">
        {search.query === ""
          ? ""
          : search.matches.length === 0
            ? "no matches"
            : `${search.index + 1} of ${search.matches.length}`}
      </span>
      <button
        type="button"
        onClick={() => onStep(-1)}
        className="rounded border px-2 py-0.5"
        aria-label="Previous match"
      >
        ↑
      </button>
      <button
        type="button"
        onClick={() => onStep(1)}
        className="rounded border px-2 py-0.5"
        aria-label="Next match"
      >
        ↓
      </button>
      <label className="flex items-center gap-1">
        <input
          type="checkbox"
          checked={search.matchCase}
          onChange={(event) => search.setMatchCase(event.target.checked)}
        />
        Match case
      </label>
      {onTagAll && (
        <>
          <label className="ml-auto flex items-center gap-1">
            Tag as
            <select
              value={search.tagLabelId ?? ""}
              onChange={(event) => search.setTagLabelId(Number(event.target.value) || null)}
              className="max-w-40 rounded border border-zinc-400 px-1 py-0.5 dark:border-zinc-600 dark:bg-zinc-900"
            >
              <option value="" disabled>
                Choose a label
              </option>
              {labels.map((label) => (
                <option key={label.id} value={label.id}>
                  {label.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => tagLabel && onTagAll(tagLabel)}
            disabled={taggableCount === 0 || !tagLabel}
            className="rounded bg-blue-700 px-3 py-0.5 font-medium text-white disabled:opacity-60"
          >
            Tag all {taggableCount} unannotated{tagLabel ? ` as ${tagLabel.name}` : ""}
          </button>
        </>
      )}
      <button type="button" onClick={onClose} className="rounded border px-2 py-0.5">
        Close
      </button>
    </div>
  );
}
