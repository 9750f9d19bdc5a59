import { z } from "zod";
import { exportFormatNames, importFormatNames } from "@/domain/formats/catalog";
import { assertCanImport } from "../services/datasets/access";
import { exportFileSummary } from "../services/datasets/export-dataset";
import { exportForMember, listExportableAnnotators } from "../services/datasets/export-for-member";
import { parseExportSource } from "../services/datasets/export-source";
import {
  findUploadProgress,
  importUpload,
  previewUpload,
} from "../services/datasets/import-upload";
import { createTRPCRouter, projectProcedure } from "../trpc";

/** Imports are the owners'; the upload itself goes through app/api (files, not JSON). */
const ownerProcedure = projectProcedure.use(({ ctx, next }) => {
  assertCanImport(ctx.role);
  return next();
});

const uploadInput = z.object({
  uploadId: z.uuid(),
  format: z.enum(importFormatNames),
  options: z.object({
    lines: z.boolean().optional(),
    strict: z.boolean().optional(),
    skipInvalid: z.boolean().optional(),
    replace: z.boolean().optional(),
    annotator: z.string().trim().min(1).max(100).optional(),
    offsets: z.enum(["code-points", "utf-16"]).optional(),
    discontinuous: z.enum(["split", "merge", "skip"]).optional(),
  }),
});

export const datasetRouter = createTRPCRouter({
  preview: ownerProcedure.input(uploadInput).mutation(({ ctx, input }) =>
    previewUpload(ctx.db, {
      ...input,
      projectSlug: ctx.project.slug,
      projectId: ctx.project.id,
      userId: ctx.userId,
    }),
  ),

  import: ownerProcedure.input(uploadInput).mutation(({ ctx, input }) =>
    importUpload(ctx.db, {
      ...input,
      projectSlug: ctx.project.slug,
      projectId: ctx.project.id,
      userId: ctx.userId,
    }),
  ),

  progress: ownerProcedure
    .input(z.object({ uploadId: z.uuid() }))
    .query(({ input }) => findUploadProgress(input.uploadId)),

  annotators: projectProcedure.query(({ ctx }) =>
    listExportableAnnotators(ctx.db, ctx.userId, ctx.project.slug),
  ),

  /** What an export would hold, and what a token format would leave out. */
  exportSummary: projectProcedure
    .input(
      z.object({
        format: z.enum(exportFormatNames),
        source: z.string(),
        scheme: z.enum(["iob1", "iob2", "bioes"]).optional(),
        includeUncurated: z.boolean().optional(),
      }),
    )
    .query(({ ctx, input }) =>
      exportFileSummary(
        exportForMember(ctx.db, ctx.userId, {
          ...input,
          projectSlug: ctx.project.slug,
          source: parseExportSource(input.source, input),
        }),
      ),
    ),
});
