import { eq } from "drizzle-orm";
import { tablesOf, type Db, type Tx } from "@/db/open-database";
import type { AnnotationStatus } from "@/db/schema";
import type { SpanEdit } from "@/domain/span-edits";
import { assertCanAnnotate, getDocumentForMember } from "./access";
import { bumpVersion, editLayer, openLayerRow, type Layer } from "./span-layer";

/**
 * An annotator's changes to their own layer of a document, each made against `baseVersion`, the
 * layer's version as the annotator last saw it: refused as stale otherwise (see `openLayerRow`).
 */
type Write = { userId: number; documentId: number; baseVersion: number };

/**
 * Applies an annotator's edits to their own layer, all or none: a keystroke, "tag all" and an
 * undo are each one call and one change of version. Changing a submitted layer takes it back to
 * in progress, so agreement and gold stop counting it until it is submitted again; an edit that
 * changes nothing (a retried save) leaves the status alone.
 */
export function editSpans(db: Db, input: Write & { edits: SpanEdit[] }) {
  return db.transaction(async (tx) => {
    const layer = await ownLayer(tx, input);
    const { spans, version, applied } = await editLayer(tx, layer, input.edits);
    const reopened = layer.status === "submitted" && applied.length > 0;
    if (reopened) await setStatus(tx, layer.annotationId, "in_progress");
    return { spans, version, status: reopened ? ("in_progress" as const) : layer.status };
  });
}

/** Submitting is a change of the layer too: a tab that has not seen it cannot edit over it. */
export function submitAnnotation(db: Db, input: Write) {
  return db.transaction(async (tx) => {
    const { annotationId } = await ownLayer(tx, input);
    await setStatus(tx, annotationId, "submitted");
    return { status: "submitted" as const, version: await bumpVersion(tx, annotationId) };
  });
}

/** The user's own layer of a document, created on their first change. */
async function ownLayer(tx: Tx, { documentId, userId, baseVersion }: Write) {
  const { document, project, role } = await getDocumentForMember(tx, documentId, userId);
  assertCanAnnotate(role);
  const row = await openLayerRow(tx, { documentId, userId }, baseVersion);
  const layer: Layer = {
    annotationId: row.annotationId,
    projectId: project.id,
    text: document.text,
    allowOverlap: project.allowOverlap,
  };
  return { ...layer, status: row.status };
}

async function setStatus(tx: Tx, annotationId: number, status: AnnotationStatus) {
  const { annotations } = tablesOf(tx);
  await tx.update(annotations).set({ status }).where(eq(annotations.id, annotationId));
}
