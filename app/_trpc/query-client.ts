import { QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import superjson from "superjson";

/**
 * The one retry policy of the client. The server said no (bad input, not found, forbidden):
 * asking again will not help. Anything else may pass on a later try: no answer at all, a server
 * error, a timeout (408), a busy server (429), or a session that lapsed (401) and is renewed
 * meanwhile in another tab.
 */
export function isRefusal(error: unknown): boolean {
  const status = error instanceof TRPCClientError ? error.data?.httpStatus : undefined;
  return (
    typeof status === "number" && status >= 400 && status < 500 && ![401, 408, 429].includes(status)
  );
}

/**
 * A write made against a version of a layer that changed meanwhile (409): asking again is refused
 * again. The page reloads the layer and decides what of the change still applies.
 */
export function isConflict(error: unknown): boolean {
  return error instanceof TRPCClientError && error.data?.httpStatus === 409;
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  return !isRefusal(error) && failureCount < 3;
}

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      // What a server page fetched reaches the browser through the same transformer as the
      // API's answers, so dates and maps arrive as themselves.
      dehydrate: { serializeData: superjson.serialize },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
