import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Session } from "next-auth";
import { DomainError } from "@/domain/errors";
import { recordIdSchema } from "@/domain/record-id";
import { getDb } from "./database";
import { assertCapable, type Capability } from "@/domain/permissions";
import { requireActiveUser } from "./auth/active-user";
import { readRequestSession } from "./auth/request-session";
import { getDocumentForMember, getProjectAccess } from "./services/access";
import { StaleLayerError } from "./services/span-layer";
import { projectSlugSchema } from "./services/projects";

export type Context = { session: Session | null; db: ReturnType<typeof getDb> };

/** An HTTP call's context: its session read from the cookie once, for every procedure of a batch. */
export async function createContext(request: Request): Promise<Context> {
  return { session: await readRequestSession(request), db: getDb() };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      // zod's own message is its issues as JSON; people read the sentences in them.
      message: error.cause instanceof ZodError ? describeInvalidInput(error.cause) : shape.message,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        // A stale write's answer says which version of the layer the client will find on reload.
        layerVersion: error.cause instanceof StaleLayerError ? error.cause.currentVersion : null,
      },
    };
  },
});

/** Each problem of an input: our own checks name their field; zod's generic ones get its path. */
function describeInvalidInput(error: ZodError): string {
  return error.issues
    .map((issue) =>
      issue.code === "custom" || issue.path.length === 0
        ? issue.message
        : `${issue.path.join(".")}: ${issue.message}`,
    )
    .join("; ");
}

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/** Domain errors keep their message and get the matching tRPC code; anything else stays a 500. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    throw new TRPCError({
      code: result.error.cause.code,
      message: result.error.cause.message,
      cause: result.error.cause,
    });
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = await requireActiveUser(ctx.db, ctx.session);
  return next({ ctx: { ...ctx, userId: user.id, isAdmin: user.isAdmin } });
});

/** Site administration: FORBIDDEN to everyone but admins. */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!ctx.isAdmin)
    throw new TRPCError({ code: "FORBIDDEN", message: "only site administrators can do this" });
  return next();
});

/** Procedures about one project: the caller must be a member (NOT_FOUND otherwise). */
export const projectProcedure = protectedProcedure
  .input(z.object({ projectSlug: projectSlugSchema }))
  .use(async ({ ctx, input, next }) =>
    next({ ctx: { ...ctx, ...(await getProjectAccess(ctx.db, input.projectSlug, ctx.userId)) } }),
  );

/** Procedures about one document: the caller must reach it (NOT_FOUND otherwise). */
export const documentProcedure = protectedProcedure
  .input(z.object({ documentId: recordIdSchema }))
  .use(async ({ ctx, input, next }) =>
    next({
      ctx: { ...ctx, ...(await getDocumentForMember(ctx.db, input.documentId, ctx.userId)) },
    }),
  );

/** Project procedures for members with a capability: FORBIDDEN, with its one message, for others. */
export function projectProcedureFor(capability: Capability) {
  return projectProcedure.use(({ ctx, next }) => {
    assertCapable(ctx.capabilities, capability);
    return next();
  });
}

export function documentProcedureFor(capability: Capability) {
  return documentProcedure.use(({ ctx, next }) => {
    assertCapable(ctx.capabilities, capability);
    return next();
  });
}

/** Project procedures that change the project itself: settings, labels, members, assignment. */
export const ownerProcedure = projectProcedureFor("manageProject");
