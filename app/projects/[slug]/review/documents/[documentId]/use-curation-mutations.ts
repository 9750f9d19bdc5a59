"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../../../../_trpc/client";

/**
 * The gold-layer changes of the curation page. Each one refetches the review, since a change to
 * gold can settle or reopen any region; a refused change is reported in `error`.
 */
export function useCurationMutations(documentId: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const queryKey = trpc.review.document.queryKey({ documentId });

  const options = {
    onMutate: () => setError(null),
    onError: (failure: { message: string }) => setError(failure.message),
    onSuccess: async () => {
      // Cancel first, or a fetch already in flight could overwrite the fresh result.
      await queryClient.cancelQueries({ queryKey });
      await queryClient.invalidateQueries({ queryKey });
    },
  };

  return {
    acceptAgreed: useMutation(trpc.review.acceptAgreed.mutationOptions(options)),
    acceptVariant: useMutation(trpc.review.acceptVariant.mutationOptions(options)),
    addGoldSpan: useMutation(trpc.review.addGoldSpan.mutationOptions(options)),
    relabelGoldSpan: useMutation(trpc.review.relabelGoldSpan.mutationOptions(options)),
    deleteGoldSpan: useMutation(trpc.review.deleteGoldSpan.mutationOptions(options)),
    rejectRegion: useMutation(trpc.review.rejectRegion.mutationOptions(options)),
    setGoldStatus: useMutation(trpc.review.setGoldStatus.mutationOptions(options)),
    error,
    clearError: () => setError(null),
  };
}
