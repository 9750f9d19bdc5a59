import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "../trpc";
import {
  addSpan,
  addSpans,
  deleteSpan,
  deleteSpans,
  relabelSpan,
  submitAnnotation,
} from "../services/annotations";

const id = z.int().positive();
const offset = z.int().nonnegative();
// Enough for "tag all occurrences" in a long document, small enough to stay one quick transaction.
const batch = { min: 1, max: 5_000 };

export const annotationRouter = createTRPCRouter({
  addSpan: protectedProcedure
    .input(z.object({ documentId: id, start: offset, end: offset, labelId: id }))
    .mutation(({ ctx, input }) => addSpan(ctx.db, { ...input, userId: ctx.userId })),

  addSpans: protectedProcedure
    .input(
      z.object({
        documentId: id,
        spans: z
          .array(z.object({ start: offset, end: offset, labelId: id }))
          .min(batch.min)
          .max(batch.max),
      }),
    )
    .mutation(({ ctx, input }) => addSpans(ctx.db, { ...input, userId: ctx.userId })),

  deleteSpans: protectedProcedure
    .input(z.object({ documentId: id, spanIds: z.array(id).min(batch.min).max(batch.max) }))
    .mutation(({ ctx, input }) => deleteSpans(ctx.db, { ...input, userId: ctx.userId })),

  relabelSpan: protectedProcedure
    .input(z.object({ spanId: id, labelId: id }))
    .mutation(({ ctx, input }) => relabelSpan(ctx.db, { ...input, userId: ctx.userId })),

  deleteSpan: protectedProcedure
    .input(z.object({ spanId: id }))
    .mutation(({ ctx, input }) => deleteSpan(ctx.db, { ...input, userId: ctx.userId })),

  submit: protectedProcedure
    .input(z.object({ documentId: id }))
    .mutation(({ ctx, input }) => submitAnnotation(ctx.db, { ...input, userId: ctx.userId })),
});
