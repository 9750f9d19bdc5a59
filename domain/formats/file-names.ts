import type { StoredDocument } from "./writers/export-format";

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

/** The file name without folders and without its last extension: a document id for brat and txt. */
export function baseName(file: string): string {
  const name = lastSegment(file);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The last extension, lower-cased, with its dot (".ann"); "" for none or a dot file. */
export function extensionOf(file: string): string {
  const name = lastSegment(file);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/** Paths come from any system: the command line's own, or a browser's upload name. */
function lastSegment(file: string): string {
  return (
    file
      .replace(/[\\/]+$/, "")
      .split(/[\\/]/)
      .pop() ?? ""
  );
}
