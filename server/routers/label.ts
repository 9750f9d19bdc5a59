import "server-only";
import { z } from "zod";
import { recordIdSchema } from "@/domain/record-id";
import {
  countLabelSpans,
  createLabel,
  deleteLabel,
  labelFieldsSchema,
  moveLabel,
  updateLabel,
} from "../services/labels";
import { listLabels } from "../services/projects";
import { createTRPCRouter, ownerProcedure, projectProcedure } from "../trpc";

const labelId = recordIdSchema;

export const labelRouter = createTRPCRouter({
  list: projectProcedure.query(({ ctx }) => listLabels(ctx.db, ctx.project.id)),

  create: ownerProcedure
    .input(z.object({ label: labelFieldsSchema.partial().required({ name: true }) }))
    .mutation(({ ctx, input }) => createLabel(ctx.db, ctx.project.id, input.label)),

  update: ownerProcedure
    .input(z.object({ labelId, label: labelFieldsSchema.partial() }))
    .mutation(({ ctx, input }) => updateLabel(ctx.db, ctx.project.id, input.labelId, input.label)),

  move: ownerProcedure
    .input(z.object({ labelId, direction: z.enum(["up", "down"]) }))
    .mutation(({ ctx, input }) =>
      moveLabel(ctx.db, ctx.project.id, input.labelId, input.direction),
    ),

  /** How many spans deleting the label would remove: what the confirmation must show. */
  usage: ownerProcedure.input(z.object({ labelId })).query(async ({ ctx, input }) => ({
    spans: await countLabelSpans(ctx.db, ctx.project.id, input.labelId),
  })),

  delete: ownerProcedure
    .input(z.object({ labelId, confirmedSpanCount: z.int().nonnegative() }))
    .mutation(({ ctx, input }) =>
      deleteLabel(ctx.db, ctx.project.id, input.labelId, input.confirmedSpanCount),
    ),
});
