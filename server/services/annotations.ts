import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/open-database";
import { annotations, spans } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import { assertCanAnnotate, getDocumentForMember } from "./access";
import {
  addSpanToLayer,
  bumpVersion,
  currentVersion,
  deleteSpanFromLayer,
  relabelSpanInLayer,
  type Layer,
  type SpanChange,
} from "./span-layer";

/** An annotator's changes to their own layer of a document. */
type Who = { userId: number };

export function addSpan(db: Db, input: Who & SpanChange & { documentId: number }) {
  return db.transaction((tx) =>
    addSpanToLayer(tx, ownLayer(tx, input.documentId, input.userId), input),
  );
}

/** Adds several spans at once, all or none: "tag all occurrences" is one change, undone as one. */
export function addSpans(db: Db, input: Who & { documentId: number; spans: SpanChange[] }) {
  return db.transaction((tx) => {
    const layer = ownLayer(tx, input.documentId, input.userId);
    const added = input.spans.map((span) => addSpanToLayer(tx, layer, span));
    return {
      spans: added.map((result) => result.span),
      version: currentVersion(tx, layer.annotationId),
    };
  });
}

/** Deletes several of the user's spans in one document at once, all or none. */
export function deleteSpans(db: Db, input: Who & { documentId: number; spanIds: number[] }) {
  return db.transaction((tx) => {
    const layer = ownLayer(tx, input.documentId, input.userId);
    for (const spanId of new Set(input.spanIds)) deleteSpanFromLayer(tx, layer, spanId);
    return { version: currentVersion(tx, layer.annotationId) };
  });
}

export function relabelSpan(db: Db, input: Who & { spanId: number; labelId: number }) {
  return db.transaction((tx) =>
    relabelSpanInLayer(
      tx,
      layerOfSpan(tx, input.spanId, input.userId),
      input.spanId,
      input.labelId,
    ),
  );
}

export function deleteSpan(db: Db, input: Who & { spanId: number }) {
  return db.transaction((tx) =>
    deleteSpanFromLayer(tx, layerOfSpan(tx, input.spanId, input.userId), input.spanId),
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

/** The layer holding a span, if it is the user's own; other people's spans are never theirs to change. */
function layerOfSpan(tx: Tx, spanId: number, userId: number): Layer {
  const row = tx
    .select({ documentId: annotations.documentId, ownerId: annotations.userId })
    .from(spans)
    .innerJoin(annotations, eq(annotations.id, spans.annotationId))
    .where(eq(spans.id, spanId))
    .get();
  if (!row || row.ownerId !== userId) throw new DomainError("NOT_FOUND", `no span ${spanId}`);
  return ownLayer(tx, row.documentId, userId);
}
