import { z } from "zod";
import { createTRPCRouter, projectProcedure, protectedProcedure } from "../trpc";
import { getDocumentWorkspace } from "../services/documents";
import { listDocumentPage } from "../services/document-list";
import { documentListInput } from "../services/document-list-input";

export const documentRouter = createTRPCRouter({
  workspace: protectedProcedure
    .input(z.object({ documentId: z.int().positive() }))
    .query(({ ctx, input }) => getDocumentWorkspace(ctx.db, input.documentId, ctx.userId)),

  /** One page of the project's documents; `cursor` is the previous page's `nextCursor`. */
  list: projectProcedure
    .input(documentListInput)
    .query(({ ctx, input }) => listDocumentPage(ctx.db, ctx, input)),
});
