import { createTRPCRouter, projectProcedure, protectedProcedure } from "../trpc";
import { listDocumentsForUser } from "../services/documents";
import { listProjectsForUser } from "../services/projects";

export const projectRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listProjectsForUser(ctx.db, ctx.userId)),

  bySlug: projectProcedure.query(({ ctx }) => ({
    slug: ctx.project.slug,
    name: ctx.project.name,
    description: ctx.project.description,
    role: ctx.role,
    documents: listDocumentsForUser(ctx.db, ctx.project.id, ctx.userId),
  })),
});
