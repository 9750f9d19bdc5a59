import type { MemberRole } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import type { ExportSource } from "./export-source";

/** Imports change a project's documents and labels: owners only. */
export function assertCanImport(role: MemberRole) {
  if (role !== "owner") {
    throw new DomainError("FORBIDDEN", "only the project's owners can import documents");
  }
}

/** Reviewers and owners export anything; an annotator only their own layer. */
export function assertCanExport(role: MemberRole, source: ExportSource, userName: string) {
  if (role === "owner" || role === "reviewer") return;
  if (source.kind === "annotator" && source.name === userName) return;
  throw new DomainError(
    "FORBIDDEN",
    `an annotator can export only their own annotations (source annotator:${userName})`,
  );
}
