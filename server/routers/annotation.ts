import "server-only";
import { z } from "zod";
import { recordIdSchema } from "@/domain/record-id";
import { baseVersionSchema, spanEditsSchema } from "@/domain/span-edits-schema";
import { editSpans, submitAnnotation } from "../services/annotations";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const id = recordIdSchema;
const write = z.object({ documentId: id, baseVersion: baseVersionSchema });

export const annotationRouter = createTRPCRouter({
  /** Every change to the caller's layer, any kind of edit (spans, relations, details, document
   *  labels), by content, all or none. */
  edit: protectedProcedure
    .input(write.extend({ edits: spanEditsSchema }))
    .mutation(({ ctx, input }) => editSpans(ctx.db, { ...input, userId: ctx.userId })),

  submit: protectedProcedure
    .input(write)
    .mutation(({ ctx, input }) => submitAnnotation(ctx.db, { ...input, userId: ctx.userId })),
});
