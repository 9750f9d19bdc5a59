import "server-only";
import { z } from "zod";
import { DomainError } from "@/domain/errors";
import { recordIdSchema as id, storedCountSchema as offset } from "@/domain/record-id";
import { baseVersionSchema, spanEditsSchema } from "@/domain/span-edits-schema";
import { findSpanProblem } from "@/domain/spans";
import { computeAgreementOffThread } from "../services/review/agreement-jobs";
import { disagreementQuerySchema, listDisagreements } from "../services/review/disagreements";
import { getDocumentReview } from "../services/review/document-review";
import {
  acceptAgreedSpans,
  acceptVariant,
  editGoldSpans,
  rejectRegion,
  setGoldStatus,
} from "../services/review/gold";
import { settleRelations } from "../services/review/gold-structure";
import { createTRPCRouter, documentProcedureFor, projectProcedureFor } from "../trpc";

const projectReview = projectProcedureFor("review");
/** Curation of one document; its input carries the documentId. */
const documentReview = documentProcedureFor("review");
/** A change of the document's gold layer, made against the gold version the reviewer last saw. */
const goldWrite = documentReview.input(z.object({ baseVersion: baseVersionSchema }));
const span = z.object({ start: offset, end: offset, labelId: id });

export const reviewRouter = createTRPCRouter({
  agreement: projectReview.query(({ ctx }) => computeAgreementOffThread(ctx.db, ctx.project.id)),

  documents: projectReview
    .input(disagreementQuerySchema)
    .query(({ ctx, input }) => listDisagreements(ctx.db, ctx.project.id, input)),

  document: documentReview.query(({ ctx }) => getDocumentReview(ctx.db, ctx)),

  acceptAgreed: goldWrite.mutation(({ ctx, input }) =>
    acceptAgreedSpans(ctx.db, { ...input, userId: ctx.userId }),
  ),

  acceptVariant: goldWrite
    .input(z.object({ start: offset, end: offset, labelId: id }))
    .mutation(({ ctx, input }) => acceptVariant(ctx.db, { ...input, userId: ctx.userId })),

  /** Gold edits by content, all or none: the gold editor's changes, and its undo and redo. */
  editGold: goldWrite
    .input(z.object({ edits: spanEditsSchema }))
    .mutation(({ ctx, input }) => editGoldSpans(ctx.db, { ...input, userId: ctx.userId })),

  rejectRegion: goldWrite
    .input(z.object({ start: offset, end: offset }))
    .use(({ ctx, input, next }) => {
      const problem = findSpanProblem(ctx.document.text, input.start, input.end);
      if (problem)
        throw new DomainError("BAD_REQUEST", `region ${input.start}-${input.end}: ${problem}`);
      return next();
    })
    .mutation(({ ctx, input }) => rejectRegion(ctx.db, { ...input, userId: ctx.userId })),

  /** What gold relates two spans by: one annotator's relation, or none (`relation` null). */
  settleRelations: goldWrite
    .input(
      z.object({
        ends: z.tuple([span, span]),
        relation: z.object({ source: span, target: span, typeId: id }).nullable(),
      }),
    )
    .mutation(({ ctx, input }) => settleRelations(ctx.db, { ...input, userId: ctx.userId })),

  setGoldStatus: goldWrite
    .input(z.object({ status: z.enum(["in_progress", "curated"]) }))
    .mutation(({ ctx, input }) => setGoldStatus(ctx.db, { ...input, userId: ctx.userId })),
});
