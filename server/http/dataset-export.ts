import "server-only";
import { setImmediate as yieldToOthers } from "node:timers/promises";
import type { Session } from "next-auth";
import type { Db } from "@/db/open-database";
import { requireActiveUser } from "../auth/active-user";
import { exportBytes } from "../services/datasets/export-dataset";
import { exportForMember } from "../services/datasets/export-for-member";
import { parseExportRequest } from "../services/datasets/export-request";
import { errorResponse } from "./error-response";
import { assertSameOrigin } from "./same-origin";

/**
 * An export as a download, streamed a page of documents at a time. Only for this site's own pages
 * (or an address typed in): another site's link must not start a download of a project's data.
 */
export async function respondToExport(
  db: Db,
  session: Session | null,
  projectSlug: string,
  request: Request,
): Promise<Response> {
  try {
    assertSameOrigin(request);
    const user = await requireActiveUser(db, session);
    const query = new URL(request.url).searchParams;
    const dataset = await exportForMember(db, user.id, parseExportRequest(projectSlug, query));
    const chunks = exportBytes(dataset);
    const body = new ReadableStream<Uint8Array>({
      // Most chunks are written from a page already read, without waiting for the database:
      // yield first, so that a long export lets other requests (annotators' saves) in between.
      async pull(controller) {
        await yieldToOthers();
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "content-type": dataset.contentType,
        "content-disposition": `attachment; filename="${dataset.fileName}"; filename*=UTF-8''${encodeURIComponent(dataset.fileName)}`,
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
