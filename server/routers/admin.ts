import "server-only";
import { z } from "zod";
import { recordIdSchema } from "@/domain/record-id";
import { listAccounts, resetPassword, setDeactivated } from "../services/accounts";
import { createUser, newUserSchema } from "../services/users";
import { adminProcedure, createTRPCRouter } from "../trpc";

const userId = recordIdSchema;

export const adminRouter = createTRPCRouter({
  users: adminProcedure.query(({ ctx }) => listAccounts(ctx.db)),

  createUser: adminProcedure
    .input(newUserSchema.extend({ isAdmin: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => createUser(ctx.db, input)),

  resetPassword: adminProcedure
    .input(z.object({ userId, password: z.string(), email: z.email().optional() }))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input.userId, input.password, input.email)),

  setDeactivated: adminProcedure
    .input(z.object({ userId, deactivated: z.boolean() }))
    .mutation(({ ctx, input }) =>
      setDeactivated(ctx.db, input.userId, input.deactivated, ctx.userId),
    ),
});
