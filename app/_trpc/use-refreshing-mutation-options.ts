"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState } from "react";

/**
 * Options for a mutation that refreshes the given queries when it succeeds and keeps the last
 * refusal's message for the page to show.
 */
export function useRefreshingMutationOptions(queryKeys: QueryKey[]) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    clearError: () => setError(null),
    options: {
      onMutate: () => setError(null),
      onError: (failure: { message: string }) => setError(failure.message),
      onSuccess: async () => {
        // Cancel first, or a fetch already in flight could overwrite the fresh result.
        await Promise.all(queryKeys.map((queryKey) => queryClient.cancelQueries({ queryKey })));
        await Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      },
    },
  };
}
