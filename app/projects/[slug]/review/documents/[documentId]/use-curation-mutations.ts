"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { invertEdit, type SpanEdit } from "@/domain/span-edits";
import { useTRPC } from "../../../../../_trpc/client";
import { useRefreshingMutationOptions } from "../../../../../_trpc/use-refreshing-mutation-options";

/** What a gold edit did, as the server applied it: undone by inverting it, last step first. */
type Applied = SpanEdit[];
type GoldChange = { applied: Applied; status: string };

const undoOf = (applied: Applied): Applied => [...applied].reverse().map(invertEdit);

/**
 * The gold-layer changes of the curation page. Each one refetches the review, since a change to
 * gold can settle or reopen any region; a refused change is reported in `error`. Every change
 * that did something can be undone and redone; one that took curated gold back to in progress
 * says so in `notice`.
 */
export function useCurationMutations(documentId: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reviewKey = trpc.review.document.queryKey({ documentId });
  const { options, error, clearError } = useRefreshingMutationOptions([reviewKey]);
  const [history, setHistory] = useState<{ undo: Applied[]; redo: Applied[] }>({
    undo: [],
    redo: [],
  });
  const [notice, setNotice] = useState<string | null>(null);

  const noticeReopening = (change: GoldChange) => {
    const wasCurated = queryClient.getQueryData(reviewKey)?.gold.status === "curated";
    if (wasCurated && change.status === "in_progress") {
      setNotice("Gold was curated: this change reopened it. Mark it curated again when done.");
    }
  };
  const editing = {
    ...options,
    onSuccess: async (change: GoldChange) => {
      noticeReopening(change);
      if (change.applied.length > 0) {
        setHistory(({ undo }) => ({ undo: [...undo, change.applied], redo: [] }));
      }
      await options.onSuccess();
    },
  };
  const replaying = {
    ...options,
    onSuccess: async (change: GoldChange) => {
      noticeReopening(change);
      await options.onSuccess();
    },
  };
  const editGold = useMutation(trpc.review.editGold.mutationOptions(replaying));
  const setGoldStatus = useMutation(
    trpc.review.setGoldStatus.mutationOptions({ ...options, onMutate: () => setNotice(null) }),
  );

  /** Undoes (or redoes) the last step; says why not when there is none. */
  const step = (from: "undo" | "redo"): string | null => {
    const to = from === "undo" ? "redo" : "undo";
    const last = history[from].at(-1);
    if (editGold.isPending) return null;
    if (!last) return from === "undo" ? "Nothing to undo." : "Nothing to redo.";
    editGold.mutate(
      { documentId, edits: undoOf(last) },
      {
        onSuccess: ({ applied }) =>
          setHistory((stacks) => {
            const next = { undo: [...stacks.undo], redo: [...stacks.redo] };
            next[from].pop();
            if (applied.length > 0) next[to].push(applied);
            return next;
          }),
      },
    );
    return from === "undo" ? "Undone." : "Redone.";
  };

  return {
    acceptAgreed: useMutation(trpc.review.acceptAgreed.mutationOptions(editing)),
    acceptVariant: useMutation(trpc.review.acceptVariant.mutationOptions(editing)),
    addGoldSpan: useMutation(trpc.review.addGoldSpan.mutationOptions(editing)),
    relabelGoldSpan: useMutation(trpc.review.relabelGoldSpan.mutationOptions(editing)),
    deleteGoldSpan: useMutation(trpc.review.deleteGoldSpan.mutationOptions(editing)),
    rejectRegion: useMutation(trpc.review.rejectRegion.mutationOptions(editing)),
    setGoldStatus,
    undo: () => step("undo"),
    redo: () => step("redo"),
    canUndo: history.undo.length > 0,
    canRedo: history.redo.length > 0,
    notice,
    error,
    clearError,
  };
}
