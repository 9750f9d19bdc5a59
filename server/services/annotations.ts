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
 * undo are each one call and one change of version.
 */
export function editSpans(db: Db, input: Who & { documentId: number; edits: SpanEdit[] }) {
  return db.transaction((tx) =>
    editLayer(tx, ownLayer(tx, input.documentId, input.userId), input.edits),
  );
}

export function submitAnnotation(db: Db, input: Who & { documentId: number }) {
  return db.transaction((tx) => {
    const { annotationId } = ownLayer(tx, input.documentId, input.userId);
    tx.update(annotations)
      .set({ status: "submitted" })
      .where(eq(annotations.id, annotationId))
      .run();
    return { status: "submitted" as const, version: bumpVersion(tx, annotationId) };
  });
}

/** The user's own layer of a document, created on their first change. */
function ownLayer(tx: Tx, documentId: number, userId: number): Layer {
  const { document, project, role } = getDocumentForMember(tx, documentId, userId);
  assertCanAnnotate(role);
  tx.insert(annotations).values({ documentId, userId }).onConflictDoNothing().run();
  const row = tx
    .select({ id: annotations.id })
    .from(annotations)
    .where(and(eq(annotations.documentId, documentId), eq(annotations.userId, userId)))
    .get();
  if (!row) throw new Error("annotation vanished right after insertion");
  return {
    annotationId: row.id,
    projectId: project.id,
    text: document.text,
    allowOverlap: project.allowOverlap,
  };
}
