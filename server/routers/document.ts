import { createTRPCRouter, documentProcedure } from "../trpc";
import { getDocumentWorkspace } from "../services/documents";

export const documentRouter = createTRPCRouter({
  workspace: documentProcedure.query(({ ctx }) => getDocumentWorkspace(ctx.db, ctx, ctx.userId)),
});
