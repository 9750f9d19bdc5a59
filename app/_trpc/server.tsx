import "server-only";

import {
  dehydrate,
  HydrationBoundary,
  type FetchQueryOptions,
  type QueryKey,
} from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { notFound, redirect } from "next/navigation";
import { cache, type ReactNode } from "react";
import { auth } from "@/server/auth";
import { getDb } from "@/server/database";
import { appRouter, type AppRouter } from "@/server/root";
import type { Context } from "@/server/trpc";
import { makeQueryClient } from "./query-client";

// One context and one query client per request: every prefetch of a page shares them, and what
// they fetched is what HydrateClient hands to the browser.
const createContext = cache(async (): Promise<Context> => ({ session: await auth(), db: getDb() }));

const getQueryClient = cache(() => {
  const queryClient = makeQueryClient();
  const defaults = queryClient.getDefaultOptions();
  // A page render waits for its answer: a refusal is the answer, not a reason to try again.
  queryClient.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false } });
  return queryClient;
});

/** The app's procedures as query options, called in-process with the visitor's session. */
export const trpc = createTRPCOptionsProxy<AppRouter>({
  router: appRouter,
  ctx: createContext,
  queryClient: getQueryClient,
});

/**
 * Fetches a query for a page that cannot be drawn without it: what the visitor may not see is a
 * 404 page, a session that ended goes to sign-in, and the data lands in the request's cache for
 * HydrateClient.
 */
export async function fetchForPage<TData, TError, TKey extends QueryKey>(
  options: FetchQueryOptions<TData, TError, TData, TKey>,
) {
  try {
    return await getQueryClient().fetchQuery(options);
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect("/signin");
    throw error;
  }
}

/** Gives the client components below what this request's server fetched, so they start with it. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
