import "server-only";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { DomainError } from "@/domain/errors";
import { appRouter } from "../root";
import type { Context } from "../trpc";
import { limitBody, maxTrpcBodyBytes } from "./body-limit";
import { assertSameOrigin } from "./same-origin";

/**
 * Every tRPC request over HTTP. Mutations (POST) must come from this site's pages; queries (GET)
 * may not, since another site cannot read what they answer. Both refusals come in tRPC's own error
 * shape, so the client shows their message.
 */
export function respondToTrpc(request: Request, createContext: () => Promise<Context>) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: limitBody(
      request,
      maxTrpcBodyBytes,
      (message) => new TRPCError({ code: "PAYLOAD_TOO_LARGE", message }),
    ),
    router: appRouter,
    createContext: () => {
      if (request.method !== "GET") assertSameOriginForTrpc(request);
      return createContext();
    },
  });
}

function assertSameOriginForTrpc(request: Request) {
  try {
    assertSameOrigin(request);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new TRPCError({ code: error.code, message: error.message, cause: error });
  }
}
