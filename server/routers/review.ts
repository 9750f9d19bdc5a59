import "server-only";
import { z } from "zod";
import { spanEditsSchema } from "@/domain/span-edits-schema";
import {
  computeAgreementOffThread,
  listDocumentsByDisagreementOffThread,
} from "../services/review/agreement-jobs";
import { getDocumentReview } from "../services/review/document-review";
import {
  acceptAgreedSpans,
  acceptVariant,
  addGoldSpan,
  deleteGoldSpan,
  editGoldSpans,
  rejectRegion,
  relabelGoldSpan,
  setGoldStatus,
} from "../services/review/gold";
import { createTRPCRouter, documentProcedureFor, projectProcedureFor } from "../trpc";

const id = z.int().positive();
const offset = z.int().nonnegative();

const projectReview = projectProcedureFor("review");
/** Curation of one document; its input carries the documentId. */
const documentReview = documentProcedureFor("review");

export const reviewRouter = createTRPCRouter({
  agreement: projectReview.query(({ ctx }) => computeAgreementOffThread(ctx.db, ctx.project.id)),

  documents: projectReview.query(({ ctx }) =>
    listDocumentsByDisagreementOffThread(ctx.db, ctx.project.id),
  ),

  document: documentReview.query(({ ctx }) => getDocumentReview(ctx.db, ctx)),

  acceptAgreed: documentReview.mutation(({ ctx, input }) =>
    acceptAgreedSpans(ctx.db, { ...input, userId: ctx.userId }),
  ),

  addGoldSpan: documentReview
    .input(z.object({ start: offset, end: offset, labelId: id }))
    .mutation(({ ctx, input }) => addGoldSpan(ctx.db, { ...input, userId: ctx.userId })),

  acceptVariant: documentReview
    .input(z.object({ start: offset, end: offset, labelId: id }))
    .mutation(({ ctx, input }) => acceptVariant(ctx.db, { ...input, userId: ctx.userId })),

  relabelGoldSpan: documentReview
    .input(z.object({ spanId: id, labelId: id }))
    .mutation(({ ctx, input }) => relabelGoldSpan(ctx.db, { ...input, userId: ctx.userId })),

  deleteGoldSpan: documentReview
    .input(z.object({ spanId: id }))
    .mutation(({ ctx, input }) => deleteGoldSpan(ctx.db, { ...input, userId: ctx.userId })),

  /** Gold edits by content, all or none: the curation view's undo and redo. */
  editGold: documentReview
    .input(z.object({ edits: spanEditsSchema }))
    .mutation(({ ctx, input }) => editGoldSpans(ctx.db, { ...input, userId: ctx.userId })),

  rejectRegion: documentReview
    .input(z.object({ start: offset, end: offset }))
    .mutation(({ ctx, input }) => rejectRegion(ctx.db, { ...input, userId: ctx.userId })),

  setGoldStatus: documentReview
    .input(z.object({ status: z.enum(["in_progress", "curated"]) }))
    .mutation(({ ctx, input }) => setGoldStatus(ctx.db, { ...input, userId: ctx.userId })),
});
