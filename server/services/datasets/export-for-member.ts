import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/open-database";
import { annotations, documents, users } from "@/db/schema";
import { roleCapabilities } from "@/domain/permissions";
import { getProjectForMember } from "../projects";
import { findActiveUser } from "../users";
import { assertCanExport } from "./access";
import { exportDataset, type ExportRequest } from "./export-dataset";

/** An export for a signed-in member, with the role checks the page and the download share. */
export function exportForMember(db: Db, userId: number, request: ExportRequest) {
  const { role } = getProjectForMember(db, request.projectSlug, userId);
  assertCanExport(role, request.source, userName(db, userId));
  return exportDataset(db, request);
}

/** Names of those whose layers the member may export from this project. */
export function listExportableAnnotators(db: Db, userId: number, projectSlug: string) {
  const { project, role } = getProjectForMember(db, projectSlug, userId);
  if (!roleCapabilities(role).exportAnySource) return [userName(db, userId)];
  return db
    .selectDistinct({ name: users.name })
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .innerJoin(users, eq(users.id, annotations.userId))
    .where(eq(documents.projectId, project.id))
    .orderBy(asc(users.name))
    .all()
    .map((row) => row.name);
}

function userName(db: Db, userId: number): string {
  return findActiveUser(db, userId)?.name ?? "";
}
