import "server-only";
import { createTRPCRouter, documentProcedure, projectProcedure } from "../trpc";
import { getDocumentWorkspace } from "../services/documents";
import { listDocumentPage } from "../services/document-list";
import { documentListInput } from "../services/document-list-input";

export const documentRouter = createTRPCRouter({
  workspace: documentProcedure.query(({ ctx }) => getDocumentWorkspace(ctx.db, ctx, ctx.userId)),

  /** One page of the project's documents; `cursor` is the previous page's `nextCursor`. */
  list: projectProcedure
    .input(documentListInput)
    .query(({ ctx, input }) => listDocumentPage(ctx.db, ctx, input)),
});
