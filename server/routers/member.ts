import "server-only";
import { z } from "zod";
import { memberRoles } from "@/db/schema";
import { addMemberByEmail, changeMemberRole, listMembers, removeMember } from "../services/members";
import { createTRPCRouter, ownerProcedure } from "../trpc";

const role = z.enum(memberRoles);
const userId = z.int().positive();

export const memberRouter = createTRPCRouter({
  list: ownerProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.project.id)),

  add: ownerProcedure
    .input(z.object({ email: z.email(), role }))
    .mutation(({ ctx, input }) =>
      addMemberByEmail(ctx.db, ctx.project.id, input.email, input.role),
    ),

  setRole: ownerProcedure
    .input(z.object({ userId, role }))
    .mutation(({ ctx, input }) =>
      changeMemberRole(ctx.db, ctx.project.id, input.userId, input.role),
    ),

  remove: ownerProcedure
    .input(z.object({ userId }))
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.project.id, input.userId)),
});
