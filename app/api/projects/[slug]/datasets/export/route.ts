import { auth } from "@/server/auth";
import { requireActiveUser } from "@/server/auth/active-user";
import { getDb } from "@/server/database";
import { exportBytes } from "@/server/services/datasets/export-dataset";
import { exportForMember } from "@/server/services/datasets/export-for-member";
import { parseExportRequest } from "@/server/services/datasets/export-request";
import { errorResponse } from "../../../../error-response";

/** Streams an export as a download, a page of documents at a time. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    const db = getDb();
    const user = requireActiveUser(db, await auth());
    const query = new URL(request.url).searchParams;
    const dataset = exportForMember(db, user.id, parseExportRequest(slug, query));
    const chunks = exportBytes(dataset);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel() {
        chunks.return(undefined);
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
