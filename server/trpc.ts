import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Session } from "next-auth";
import { DomainError } from "@/domain/errors";
import { getDb } from "./database";
import { getProjectForMember, projectSlugSchema } from "./services/projects";
import { findActiveUser } from "./services/users";

export type Context = { session: Session | null; db: ReturnType<typeof getDb> };

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

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

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  const userId = Number(ctx.session?.user?.id);
  const user = ctx.session && Number.isInteger(userId) ? findActiveUser(ctx.db, userId) : null;
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  return next({ ctx: { ...ctx, userId, isAdmin: user.isAdmin } });
});

/** Procedures about one project: the caller must be a member (NOT_FOUND otherwise). */
export const projectProcedure = protectedProcedure
  .input(z.object({ projectSlug: projectSlugSchema }))
  .use(({ ctx, input, next }) => {
    const membership = getProjectForMember(ctx.db, input.projectSlug, ctx.userId);
    return next({ ctx: { ...ctx, ...membership } });
  });

/** Site administration: FORBIDDEN to everyone but admins. */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!ctx.isAdmin)
    throw new TRPCError({ code: "FORBIDDEN", message: "only site administrators can do this" });
  return next();
});

/** Project procedures that change the project itself: owners only. */
export const ownerProcedure = projectProcedure.use(({ ctx, next }) => {
  if (ctx.role !== "owner")
    throw new TRPCError({ code: "FORBIDDEN", message: "only the project's owners can do this" });
  return next();
});
