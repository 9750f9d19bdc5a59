import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "../trpc";
import { addSpan, deleteSpan, relabelSpan, submitAnnotation } from "../services/annotations";

const id = z.int().positive();
const offset = z.int().nonnegative();

export const annotationRouter = createTRPCRouter({
  addSpan: protectedProcedure
    .input(z.object({ documentId: id, start: offset, end: offset, labelId: id }))
    .mutation(({ ctx, input }) => addSpan(ctx.db, { ...input, userId: ctx.userId })),

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
