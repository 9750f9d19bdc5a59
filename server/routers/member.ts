import "server-only";
import { z } from "zod";
import { memberRoles } from "@/db/schema";
import { recordIdSchema } from "@/domain/record-id";
import { inviteByEmail, listPendingInvitations, revokeInvitation } from "../services/invitations";
import { changeMemberRole, listMembers, removeMember } from "../services/members";
import { createTRPCRouter, ownerProcedure } from "../trpc";

const role = z.enum(memberRoles);
const userId = recordIdSchema;

export const memberRouter = createTRPCRouter({
  list: ownerProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.project.id)),

  // Every address becomes an invitation, so the answer never says whether it has an account.
  add: ownerProcedure
    .input(z.object({ email: z.email().max(254), role }))
    .mutation(({ ctx, input }) =>
      inviteByEmail(ctx.db, { ...input, projectId: ctx.project.id, invitedBy: ctx.userId }),
    ),

  invitations: ownerProcedure.query(({ ctx }) => listPendingInvitations(ctx.db, ctx.project.id)),

  revokeInvitation: ownerProcedure
    .input(z.object({ invitationId: recordIdSchema }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.project.id, input.invitationId)),

  setRole: ownerProcedure
    .input(z.object({ userId, role }))
    .mutation(({ ctx, input }) =>
      changeMemberRole(ctx.db, ctx.project.id, input.userId, input.role),
    ),

  remove: ownerProcedure
    .input(z.object({ userId }))
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.project.id, input.userId)),
});
