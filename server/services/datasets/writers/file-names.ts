import type { StoredDocument } from "../read-project";

/**
 * File names for documents in multi-file exports (brat): the external id made safe for any file
 * system, or `document-<row id>` without one, and never the same name twice.
 */
export function createFileNamer() {
  const used = new Set<string>();
  return (document: StoredDocument): string => {
    const id = document.record.id;
    const safe = id === null ? "" : id.replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^\.+/, "");
    const base = safe === "" ? `document-${document.id}` : safe.slice(0, 120);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    return name;
  };
}
