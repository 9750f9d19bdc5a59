import "server-only";
import { z } from "zod";
import { labelNameSchema } from "@/domain/labels";
import {
  projectNameSchema,
  projectSettingsSchema,
  updateProjectSettings,
} from "../services/project-settings";
import {
  createProject,
  listLabels,
  listProjectsForUser,
  projectSlugSchema,
} from "../services/projects";
import { getProjectProgress } from "../services/progress";
import {
  createTRPCRouter,
  ownerProcedure,
  projectProcedure,
  projectProcedureFor,
  protectedProcedure,
} from "../trpc";

export const projectRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listProjectsForUser(ctx.db, ctx.userId)),

  /** Anyone signed in may start a project; they become its owner. */
  create: protectedProcedure
    .input(
      z.object({
        slug: projectSlugSchema,
        name: projectNameSchema,
        labels: z.array(labelNameSchema).max(100).default([]),
      }),
    )
    .mutation(async ({ ctx, input }) => ({
      slug: (await createProject(ctx.db, { ...input, ownerId: ctx.userId })).slug,
    })),

  bySlug: projectProcedure.query(({ ctx }) => ({
    slug: ctx.project.slug,
    name: ctx.project.name,
    description: ctx.project.description,
    archived: ctx.project.archived,
    role: ctx.role,
    capabilities: ctx.capabilities,
  })),

  settings: projectProcedure.query(async ({ ctx }) => ({
    name: ctx.project.name,
    description: ctx.project.description,
    guidelines: ctx.project.guidelines,
    allowOverlap: ctx.project.allowOverlap,
    tokenSnapping: ctx.project.tokenSnapping,
    blindAnnotation: ctx.project.blindAnnotation,
    annotatorsPerDocument: ctx.project.annotatorsPerDocument,
    goldAcceptShare: ctx.project.goldAcceptShare,
    archived: ctx.project.archived,
    capabilities: ctx.capabilities,
    labels: await listLabels(ctx.db, ctx.project.id),
  })),

  update: ownerProcedure
    .input(z.object({ settings: projectSettingsSchema }))
    .mutation(async ({ ctx, input }) => {
      const project = await updateProjectSettings(ctx.db, ctx.project.id, input.settings);
      return { slug: project?.slug ?? ctx.project.slug };
    }),

  /** Progress per annotator: who finished what. */
  progress: projectProcedureFor("seeProgress").query(({ ctx }) =>
    getProjectProgress(ctx.db, ctx.project.id),
  ),
});
