import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Db } from "@/db/open-database";
import { DomainError } from "@/domain/errors";
import { getProjectForMember } from "../projects";
import { assertCanImport } from "./access";
import { receiveUpload } from "./uploads";

/** Receives files for an import into a project the user owns. */
export async function receiveUploadForMember(
  db: Db,
  input: {
    projectSlug: string;
    userId: number;
    contentType: string;
    body: WebReadableStream<Uint8Array> | null;
  },
) {
  const { project, role } = await getProjectForMember(db, input.projectSlug, input.userId);
  assertCanImport(role);
  if (!input.body) throw new DomainError("BAD_REQUEST", "the upload holds no file");
  return receiveUpload({ ...input, projectId: project.id, body: input.body });
}
