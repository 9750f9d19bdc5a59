import type { MemberRole } from "@/db/schema";
import { assertCapable, assertMayExport, roleCapabilities } from "@/domain/permissions";
import type { ExportSource } from "./export-source";

export function assertCanImport(role: MemberRole) {
  assertCapable(roleCapabilities(role), "importDocuments");
}

export function assertCanExport(role: MemberRole, source: ExportSource, userName: string) {
  assertMayExport(roleCapabilities(role), source, userName);
}
