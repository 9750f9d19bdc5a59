import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { auth } from "@/server/auth";
import { requireActiveUser } from "@/server/auth/active-user";
import { getDb } from "@/server/database";
import { receiveUploadForMember } from "@/server/services/datasets/upload-for-member";
import { errorResponse } from "../../error-response";

/**
 * Files for an import, as multipart/form-data: streamed to disk, never held in memory. Kept out of
 * proxy.ts's matcher, which would buffer the body and cut it at 10 MB.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    const db = getDb();
    const user = requireActiveUser(db, await auth());
    const upload = await receiveUploadForMember(db, {
      projectSlug: slug,
      userId: user.id,
      contentType: request.headers.get("content-type") ?? "",
      body: request.body as WebReadableStream<Uint8Array> | null,
    });
    return Response.json({
      uploadId: upload.id,
      files: upload.files.map(({ name, size }) => ({ name, size })),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
