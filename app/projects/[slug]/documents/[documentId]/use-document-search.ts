"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { findOccurrences } from "@/domain/text-search";

/**
 * Find-in-document state: the query, its matches in the text, which match is current, and the
 * label "tag all" applies. That label is chosen anew each time the search opens, never carried
 * over from the last tag, since one click tags every match with it.
 */
export function useDocumentSearch(text: string) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [matchCase, setMatchCase] = useState(false);
  const [current, setCurrent] = useState(0);
  const [tagLabelId, setTagLabelId] = useState<number | null>(null);
  // Typing stays quick on a long text: matching follows the query at low priority.
  const searched = useDeferredValue(query);
  const matches = useMemo(
    () => (open ? findOccurrences(text, searched, { matchCase }) : []),
    [open, text, searched, matchCase],
  );
  const index = matches.length === 0 ? -1 : Math.min(current, matches.length - 1);

  return {
    open,
    query,
    matchCase,
    matches,
    index,
    currentMatch: matches[index] ?? null,
    tagLabelId,
    setTagLabelId,
    show(initialQuery: string | null) {
      if (!open) setTagLabelId(null);
      setOpen(true);
      if (initialQuery !== null) {
        setQuery(initialQuery);
        setCurrent(0);
      }
    },
    hide: () => setOpen(false),
    changeQuery(value: string) {
      setQuery(value);
      setCurrent(0);
    },
    setMatchCase(value: boolean) {
      setMatchCase(value);
      setCurrent(0);
    },
    /** Moves to the next (1) or previous (-1) match, wrapping around; returns it. */
    step(direction: 1 | -1) {
      if (matches.length === 0) return null;
      const next = (index + direction + matches.length) % matches.length;
      setCurrent(next);
      return matches[next] ?? null;
    },
  };
}

export type DocumentSearch = ReturnType<typeof useDocumentSearch>;
