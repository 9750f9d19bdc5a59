import { eq } from "drizzle-orm";
import { tablesOf, type Db } from "@/db/open-database";
import { roleCapabilities } from "@/domain/permissions";
import { getProjectForMember } from "../projects";
import { findActiveUser } from "../users";
import { assertCanExport } from "./access";
import { exportDataset, type ExportRequest } from "./export-dataset";

/** An export for a signed-in member, with the role checks the page and the download share. */
export async function exportForMember(db: Db, userId: number, request: ExportRequest) {
  const { role } = await getProjectForMember(db, request.projectSlug, userId);
  assertCanExport(role, request.source, await userName(db, userId));
  return exportDataset(db, request);
}

/**
 * Names of those whose layers the member may export from this project, sorted here: the
 * databases sort text by their own collations.
 */
export async function listExportableAnnotators(db: Db, userId: number, projectSlug: string) {
  const { project, role } = await getProjectForMember(db, projectSlug, userId);
  if (!roleCapabilities(role).exportAnySource) return [await userName(db, userId)];
  const { annotations, documents, users } = tablesOf(db);
  const rows = await db
    .selectDistinct({ name: users.name })
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .innerJoin(users, eq(users.id, annotations.userId))
    .where(eq(documents.projectId, project.id));
  return rows.map((row) => row.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function userName(db: Db, userId: number): Promise<string> {
  return (await findActiveUser(db, userId))?.name ?? "";
}
