import "server-only";
import { z } from "zod";
import { recordIdSchema } from "@/domain/record-id";
import {
  assignDocument,
  listProjectAssignments,
  rebalanceAssignments,
  unassignDocument,
} from "../services/assignments";
import { createTRPCRouter, ownerProcedure } from "../trpc";

const id = recordIdSchema;

export const assignmentRouter = createTRPCRouter({
  list: ownerProcedure.query(({ ctx }) => listProjectAssignments(ctx.db, ctx.project.id)),

  rebalance: ownerProcedure
    .input(z.object({ annotatorsPerDocument: z.int().min(1).max(50).optional() }))
    .mutation(({ ctx, input }) =>
      rebalanceAssignments(ctx.db, ctx.project.id, input.annotatorsPerDocument),
    ),

  assign: ownerProcedure
    .input(z.object({ documentId: id, userId: id }))
    .mutation(({ ctx, input }) =>
      assignDocument(ctx.db, ctx.project.id, input.documentId, input.userId),
    ),

  unassign: ownerProcedure
    .input(z.object({ documentId: id, userId: id }))
    .mutation(({ ctx, input }) =>
      unassignDocument(ctx.db, ctx.project.id, input.documentId, input.userId),
    ),
});
