import "server-only";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Session } from "next-auth";
import type { Db } from "@/db/open-database";
import { requireActiveUser } from "../auth/active-user";
import { receiveUploadForMember } from "../services/datasets/upload-for-member";
import { limitBody, maxUploadBodyBytes } from "./body-limit";
import { errorResponse } from "./error-response";
import { assertSameOrigin } from "./same-origin";

/** Files for an import, as multipart/form-data: streamed to disk, never held in memory. */
export async function respondToUpload(
  db: Db,
  session: Session | null,
  projectSlug: string,
  request: Request,
): Promise<Response> {
  try {
    assertSameOrigin(request);
    const user = await requireActiveUser(db, session);
    const { headers, body } = limitBody(request, maxUploadBodyBytes);
    const upload = await receiveUploadForMember(db, {
      projectSlug,
      userId: user.id,
      contentType: headers.get("content-type") ?? "",
      body: body as WebReadableStream<Uint8Array> | null,
    });
    return Response.json({
      uploadId: upload.id,
      files: upload.files.map(({ name, size }) => ({ name, size })),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
