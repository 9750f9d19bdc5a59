import "server-only";
import { z } from "zod";
import { textField } from "@/domain/text-field";
import { exportFormatNames, importFormatNames } from "@/domain/formats/catalog";
import { splitCharacterPolicies } from "@/domain/formats/whole-characters";
import { exportFileSummary } from "../services/datasets/export-dataset";
import { exportForMember, listExportableAnnotators } from "../services/datasets/export-for-member";
import { parseExportSource } from "../services/datasets/export-source";
import {
  findUploadProgress,
  importUpload,
  previewUpload,
} from "../services/datasets/import-upload";
import { createTRPCRouter, projectProcedure, projectProcedureFor } from "../trpc";

/** The upload itself goes through app/api (files, not JSON). */
const importProcedure = projectProcedureFor("importDocuments");

const uploadInput = z.object({
  uploadId: z.uuid(),
  format: z.enum(importFormatNames),
  options: z.object({
    lines: z.boolean().optional(),
    strict: z.boolean().optional(),
    skipInvalid: z.boolean().optional(),
    replace: z.boolean().optional(),
    annotator: textField("annotator", { max: 100, required: true, trim: true }).optional(),
    offsets: z.enum(["code-points", "utf-16"]).optional(),
    discontinuous: z.enum(["keep", "split", "merge", "skip"]).optional(),
    splitCharacters: z.enum(splitCharacterPolicies).optional(),
  }),
});

export const datasetRouter = createTRPCRouter({
  preview: importProcedure.input(uploadInput).mutation(({ ctx, input }) =>
    previewUpload(ctx.db, {
      ...input,
      projectSlug: ctx.project.slug,
      projectId: ctx.project.id,
      userId: ctx.userId,
    }),
  ),

  import: importProcedure.input(uploadInput).mutation(({ ctx, input }) =>
    importUpload(ctx.db, {
      ...input,
      projectSlug: ctx.project.slug,
      projectId: ctx.project.id,
      userId: ctx.userId,
    }),
  ),

  progress: importProcedure
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
        source: textField("source", { max: 200 }),
        scheme: z.enum(["iob1", "iob2", "bioes"]).optional(),
        includeUncurated: z.boolean().optional(),
      }),
    )
    .query(async ({ ctx, input }) =>
      exportFileSummary(
        await exportForMember(ctx.db, ctx.userId, {
          ...input,
          projectSlug: ctx.project.slug,
          source: parseExportSource(input.source, input),
        }),
      ),
    ),
});
