import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/open-database";
import { annotations } from "@/db/schema";
import type { SpanEdit } from "@/domain/span-edits";
import { assertCanAnnotate, getDocumentForMember } from "./access";
import { bumpVersion, editLayer, type Layer } from "./span-layer";

/** An annotator's changes to their own layer of a document. */
type Who = { userId: number };

/**
 * Applies an annotator's edits to their own layer, all or none: a keystroke, "tag all" and an
 * undo are each one call and one change of version. Changing a submitted layer takes it back to
 * in progress, so agreement and gold stop counting it until it is submitted again; an edit that
 * changes nothing (a retried save) leaves the status alone.
 */
export function editSpans(db: Db, input: Who & { documentId: number; edits: SpanEdit[] }) {
  return db.transaction((tx) => {
    const layer = ownLayer(tx, input.documentId, input.userId);
    const { spans, version, applied } = editLayer(tx, layer, input.edits);
    const reopened = layer.status === "submitted" && applied.length > 0;
    if (reopened) setStatus(tx, layer.annotationId, "in_progress");
    return { spans, version, status: reopened ? ("in_progress" as const) : layer.status };
  });
}

export function submitAnnotation(db: Db, input: Who & { documentId: number }) {
  return db.transaction((tx) => {
    const { annotationId } = ownLayer(tx, input.documentId, input.userId);
    setStatus(tx, annotationId, "submitted");
    return { status: "submitted" as const, version: bumpVersion(tx, annotationId) };
  });
}

/** The user's own layer of a document, created on their first change. */
function ownLayer(tx: Tx, documentId: number, userId: number): Layer & { status: Status } {
  const { document, project, role } = getDocumentForMember(tx, documentId, userId);
  assertCanAnnotate(role);
  tx.insert(annotations).values({ documentId, userId }).onConflictDoNothing().run();
  const row = tx
    .select({ id: annotations.id, status: annotations.status })
    .from(annotations)
    .where(and(eq(annotations.documentId, documentId), eq(annotations.userId, userId)))
    .get();
  if (!row) throw new Error("annotation vanished right after insertion");
  return {
    annotationId: row.id,
    projectId: project.id,
    text: document.text,
    allowOverlap: project.allowOverlap,
    status: row.status,
  };
}

type Status = (typeof annotations.$inferSelect)["status"];

function setStatus(tx: Tx, annotationId: number, status: Status) {
  tx.update(annotations).set({ status }).where(eq(annotations.id, annotationId)).run();
}
