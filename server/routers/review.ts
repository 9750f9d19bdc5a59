import { z } from "zod";
import { assertCanReview } from "../services/access";
import { computeAgreement, listDocumentsByDisagreement } from "../services/review/agreement";
import { getDocumentReview } from "../services/review/document-review";
import {
  acceptAgreedSpans,
  acceptVariant,
  addGoldSpan,
  deleteGoldSpan,
  rejectRegion,
  relabelGoldSpan,
  setGoldStatus,
} from "../services/review/gold";
import { createTRPCRouter, projectProcedure, protectedProcedure } from "../trpc";

const id = z.int().positive();
const offset = z.int().nonnegative();
const documentInput = z.object({ documentId: id });

/** Reviewers and owners only; the gold services check the role of document-level callers. */
const reviewProcedure = projectProcedure.use(({ ctx, next }) => {
  assertCanReview(ctx.role);
  return next();
});

export const reviewRouter = createTRPCRouter({
  agreement: reviewProcedure.query(({ ctx }) => computeAgreement(ctx.db, ctx.project.id)),

  documents: reviewProcedure.query(({ ctx }) =>
    listDocumentsByDisagreement(ctx.db, ctx.project.id),
  ),

  document: protectedProcedure
    .input(documentInput)
    .query(({ ctx, input }) => getDocumentReview(ctx.db, input.documentId, ctx.userId)),

  acceptAgreed: protectedProcedure
    .input(documentInput)
    .mutation(({ ctx, input }) => acceptAgreedSpans(ctx.db, { ...input, userId: ctx.userId })),

  addGoldSpan: protectedProcedure
    .input(documentInput.extend({ start: offset, end: offset, labelId: id }))
    .mutation(({ ctx, input }) => addGoldSpan(ctx.db, { ...input, userId: ctx.userId })),

  acceptVariant: protectedProcedure
    .input(documentInput.extend({ start: offset, end: offset, labelId: id }))
    .mutation(({ ctx, input }) => acceptVariant(ctx.db, { ...input, userId: ctx.userId })),

  relabelGoldSpan: protectedProcedure
    .input(documentInput.extend({ spanId: id, labelId: id }))
    .mutation(({ ctx, input }) => relabelGoldSpan(ctx.db, { ...input, userId: ctx.userId })),

  deleteGoldSpan: protectedProcedure
    .input(documentInput.extend({ spanId: id }))
    .mutation(({ ctx, input }) => deleteGoldSpan(ctx.db, { ...input, userId: ctx.userId })),

  rejectRegion: protectedProcedure
    .input(documentInput.extend({ start: offset, end: offset }))
    .mutation(({ ctx, input }) => rejectRegion(ctx.db, { ...input, userId: ctx.userId })),

  setGoldStatus: protectedProcedure
    .input(documentInput.extend({ status: z.enum(["in_progress", "curated"]) }))
    .mutation(({ ctx, input }) => setGoldStatus(ctx.db, { ...input, userId: ctx.userId })),
});
