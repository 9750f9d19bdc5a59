import "server-only";
import { z } from "zod";
import { spanEditsSchema } from "@/domain/span-edits-schema";
import { editSpans, submitAnnotation } from "../services/annotations";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const id = z.int().positive();

export const annotationRouter = createTRPCRouter({
  /** Every change to the caller's spans: adds, deletes and relabels, by content, all or none. */
  edit: protectedProcedure
    .input(z.object({ documentId: id, edits: spanEditsSchema }))
    .mutation(({ ctx, input }) => editSpans(ctx.db, { ...input, userId: ctx.userId })),

  submit: protectedProcedure
    .input(z.object({ documentId: id }))
    .mutation(({ ctx, input }) => submitAnnotation(ctx.db, { ...input, userId: ctx.userId })),
});
