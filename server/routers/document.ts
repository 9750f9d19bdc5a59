import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "../trpc";
import { getDocumentWorkspace } from "../services/documents";

export const documentRouter = createTRPCRouter({
  workspace: protectedProcedure
    .input(z.object({ documentId: z.int().positive() }))
    .query(({ ctx, input }) => getDocumentWorkspace(ctx.db, input.documentId, ctx.userId)),
});
