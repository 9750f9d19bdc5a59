"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  contentOf,
  invertEdit,
  type RelationContent,
  type SpanContent,
  type SpanEdit,
} from "@/domain/span-edits";
import {
  describeAcceptedAgreed,
  describeAcceptedVariant,
  describeGoldStatus,
  describeRejectedRegion,
  describeReplay,
  describeSpanEdits,
  type WordingContext,
} from "@/domain/span-edit-wording";
import { useAnnounce } from "../../../../../_components/announcer";
import { useTRPC } from "../../../../../_trpc/client";
import { isConflict } from "../../../../../_trpc/query-client";
import { useRefreshingMutationOptions } from "../../../../../_trpc/use-refreshing-mutation-options";
import { rebaseGoldChange, type RefusedGoldChange } from "./gold-conflict";

/** What a gold edit did, as the server applied it: undone by inverting it, last step first. */
type Applied = SpanEdit[];
type GoldAnswer = { status: string; version: number };
type GoldChange = GoldAnswer & { applied: Applied };
/** A step to undo or redo, with the words of the change it was ("accepted LOC “Kursk” …"). */
type Step = { applied: Applied; told: string | null };

const undoOf = (applied: Applied): Applied => [...applied].reverse().map(invertEdit);

/**
 * The gold-layer changes of the curation page, each made over the gold version the page shows.
 * Each one refetches the review, since a change to gold can settle or reopen any region; a
 * refused change is reported in `error`. Every change that did something can be undone and
 * redone; one that took curated gold back to in progress says so in `notice`. A change refused
 * because gold changed elsewhere reloads it, and `notice` says what could not be carried over.
 * What each change did is told once the server has made it; notices are announced too.
 */
export function useCurationMutations(documentId: number, tell: (message: string) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reviewKey = trpc.review.document.queryKey({ documentId });
  const refreshing = useRefreshingMutationOptions([reviewKey]);
  const { error, clearError } = refreshing;
  // A stale change is no error to show: `recover` reloads gold and says what became of it.
  const options = {
    ...refreshing.options,
    onError: (failure: { message: string }) => {
      if (!isConflict(failure)) refreshing.options.onError(failure);
    },
  };
  const [history, setHistory] = useState<{ undo: Step[]; redo: Step[] }>({
    undo: [],
    redo: [],
  });
  const [notice, setNoticeShown] = useState<string | null>(null);
  const announce = useAnnounce();
  const setNotice = (message: string | null) => {
    setNoticeShown(message);
    if (message) announce(message);
  };
  const wording = (): WordingContext => {
    const review = queryClient.getQueryData(reviewKey);
    const labels = review?.labels.map((label) => [label.id, label.name] as const) ?? [];
    return { text: review?.document.text ?? "", labels: new Map(labels), scheme: review?.scheme };
  };
  const baseVersion = () => queryClient.getQueryData(reviewKey)?.gold.version ?? 0;
  const write = () => ({ documentId, baseVersion: baseVersion() });

  const noticeReopening = (change: GoldAnswer) => {
    const wasCurated = queryClient.getQueryData(reviewKey)?.gold.status === "curated";
    if (wasCurated && change.status === "in_progress") {
      setNotice("Gold was curated: this change reopened it. Mark it curated again when done.");
    }
  };
  /** The answer's version is what the next click builds on, before the refetch lands. */
  const settle = async (change: GoldAnswer) => {
    noticeReopening(change);
    queryClient.setQueryData(reviewKey, (cached) =>
      cached ? { ...cached, gold: { ...cached.gold, version: change.version } } : cached,
    );
    await options.onSuccess();
  };
  /** A change made: told in words from what the server did, and kept to undo. */
  const editing = <Change extends GoldChange, Input>(
    describe: (change: Change, input: Input) => string | null,
  ) => ({
    ...options,
    onSuccess: async (change: Change, input: Input) => {
      const told = describe(change, input);
      if (told) tell(told);
      if (change.applied.length > 0) {
        const step = { applied: change.applied, told };
        setHistory(({ undo }) => ({ undo: [...undo, step], redo: [] }));
      }
      await settle(change);
    },
  });
  const replaying = { ...options, onSuccess: settle };

  const editGold = useMutation(
    trpc.review.editGold.mutationOptions(
      editing((change: GoldChange) => describeSpanEdits(wording(), change.applied)),
    ),
  );
  const replayGold = useMutation(trpc.review.editGold.mutationOptions(replaying));
  const acceptAgreed = useMutation(
    trpc.review.acceptAgreed.mutationOptions(
      editing((change: GoldChange & { added: number }) => describeAcceptedAgreed(change.added)),
    ),
  );
  const acceptVariant = useMutation(
    trpc.review.acceptVariant.mutationOptions(
      editing((change: GoldChange, variant: SpanContent) =>
        describeAcceptedVariant(wording(), contentOf(variant), change.applied),
      ),
    ),
  );
  const rejectRegion = useMutation(
    trpc.review.rejectRegion.mutationOptions(
      editing((change: GoldChange, region: { start: number; end: number }) =>
        describeRejectedRegion(wording(), region, change.applied),
      ),
    ),
  );
  const settleRelations = useMutation(
    trpc.review.settleRelations.mutationOptions(
      editing((change: GoldChange) => describeSpanEdits(wording(), change.applied)),
    ),
  );
  const setGoldStatus = useMutation(
    trpc.review.setGoldStatus.mutationOptions({
      ...options,
      onMutate: () => setNotice(null),
      onSuccess: async (change, { status }) => {
        tell(describeGoldStatus(status));
        await settle(change);
      },
    }),
  );

  /** Reloads gold after a stale change and saves what of it still applies, once. */
  const recover = (change: RefusedGoldChange) => async (failure: { message: string }) => {
    if (!isConflict(failure)) return;
    await queryClient.cancelQueries({ queryKey: reviewKey });
    const fresh = await queryClient
      .fetchQuery({ ...trpc.review.document.queryOptions({ documentId }), staleTime: 0 })
      .catch(() => null);
    if (!fresh) return refreshing.options.onError(failure);
    // Gold changed elsewhere: the steps recorded here may no longer fit it.
    setHistory({ undo: [], redo: [] });
    const { edits, notice: told } = rebaseGoldChange(fresh, change);
    setNotice(told);
    if (edits.length > 0) editGold.mutate({ documentId, baseVersion: fresh.gold.version, edits });
  };

  /** Undoes (or redoes) the last step, saying what once done; says why not when there is none. */
  const step = (from: "undo" | "redo") => {
    const to = from === "undo" ? "redo" : "undo";
    const last = history[from].at(-1);
    if (replayGold.isPending) return;
    if (!last) return tell(from === "undo" ? "Nothing to undo." : "Nothing to redo.");
    const edits = undoOf(last.applied);
    replayGold.mutate(
      { ...write(), edits },
      {
        onSuccess: ({ applied }) => {
          tell(describeReplay(from, last.told));
          setHistory((stacks) => {
            const next = { undo: [...stacks.undo], redo: [...stacks.redo] };
            next[from].pop();
            if (applied.length > 0) next[to].push({ applied, told: last.told });
            return next;
          });
        },
        onError: recover({ kind: "edit", edits }),
      },
    );
  };

  return {
    edit: (edits: SpanEdit[]) =>
      editGold.mutate({ ...write(), edits }, { onError: recover({ kind: "edit", edits }) }),
    acceptAgreed: () =>
      acceptAgreed.mutate(write(), { onError: recover({ kind: "acceptAgreed" }) }),
    acceptVariant: (variant: SpanContent) =>
      acceptVariant.mutate(
        { ...write(), ...variant },
        { onError: recover({ kind: "acceptVariant", variant }) },
      ),
    rejectRegion: (region: { start: number; end: number }) =>
      rejectRegion.mutate(
        { ...write(), start: region.start, end: region.end },
        { onError: recover({ kind: "rejectRegion", region }) },
      ),
    settleRelations: (ends: [SpanContent, SpanContent], relation: RelationContent | null) =>
      settleRelations.mutate(
        { ...write(), ends, relation },
        { onError: recover({ kind: "settleRelations", ends }) },
      ),
    setGoldStatus: (status: "in_progress" | "curated") =>
      setGoldStatus.mutate(
        { ...write(), status },
        { onError: recover({ kind: "setGoldStatus", status }) },
      ),
    undo: () => step("undo"),
    redo: () => step("redo"),
    canUndo: history.undo.length > 0,
    canRedo: history.redo.length > 0,
    notice,
    error,
    clearError,
  };
}
