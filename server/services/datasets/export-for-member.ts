import type { Db } from "@/db/open-database";
import { roleCapabilities } from "@/domain/permissions";
import { getProjectForMember } from "../projects";
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
  return db.$client
    .prepare<[number], { name: string }>(
      `SELECT DISTINCT u.name FROM annotations a
         JOIN documents d ON d.id = a.document_id JOIN users u ON u.id = a.user_id
        WHERE d.project_id = ? ORDER BY u.name`,
    )
    .all(project.id)
    .map((row) => row.name);
}

function userName(db: Db, userId: number): string {
  const row = db.$client
    .prepare<[number], { name: string }>("SELECT name FROM users WHERE id = ?")
    .get(userId);
  return row?.name ?? "";
}
