"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../../../../_trpc/client";
import { useRefreshingMutationOptions } from "../../../../../_trpc/use-refreshing-mutation-options";

/**
 * The gold-layer changes of the curation page. Each one refetches the review, since a change to
 * gold can settle or reopen any region; a refused change is reported in `error`.
 */
export function useCurationMutations(documentId: number) {
  const trpc = useTRPC();
  const { options, error, clearError } = useRefreshingMutationOptions([
    trpc.review.document.queryKey({ documentId }),
  ]);

  return {
    acceptAgreed: useMutation(trpc.review.acceptAgreed.mutationOptions(options)),
    acceptVariant: useMutation(trpc.review.acceptVariant.mutationOptions(options)),
    addGoldSpan: useMutation(trpc.review.addGoldSpan.mutationOptions(options)),
    relabelGoldSpan: useMutation(trpc.review.relabelGoldSpan.mutationOptions(options)),
    deleteGoldSpan: useMutation(trpc.review.deleteGoldSpan.mutationOptions(options)),
    rejectRegion: useMutation(trpc.review.rejectRegion.mutationOptions(options)),
    setGoldStatus: useMutation(trpc.review.setGoldStatus.mutationOptions(options)),
    error,
    clearError,
  };
}
