import { and, eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/open-database";
import { annotations, labels, spans } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import { findSpanProblem, spansOverlap } from "@/domain/spans";

/**
 * A layer is one annotation row: an annotator's own spans, or a document's gold layer. Both are
 * edited by the same rules, kept here: spans inside the text, labels of the project, no overlaps
 * unless the project allows them, identical spans stored once, and a version bump per change.
 */
export type Layer = {
  annotationId: number;
  projectId: number;
  text: string;
  allowOverlap: boolean;
};
export type SpanChange = { start: number; end: number; labelId: number };

const spanColumns = { id: spans.id, start: spans.start, end: spans.end, labelId: spans.labelId };

export function addSpanToLayer(tx: Tx, layer: Layer, span: SpanChange) {
  const problem = findSpanProblem(layer.text, span.start, span.end);
  if (problem) throw new DomainError("BAD_REQUEST", `span ${span.start}-${span.end}: ${problem}`);
  assertLabelInProject(tx, span.labelId, layer.projectId);
  // A layer's spans form a set: adding one it already has changes nothing (and a retry is safe).
  const existing = findIdenticalSpan(tx, layer.annotationId, span);
  if (existing) return { span: existing, version: currentVersion(tx, layer.annotationId) };
  if (!layer.allowOverlap) {
    const clash = listLayerSpans(tx, layer.annotationId).find((other) => spansOverlap(other, span));
    if (clash) {
      throw new DomainError(
        "BAD_REQUEST",
        `span ${span.start}-${span.end} overlaps span ${clash.start}-${clash.end}, and this project does not allow overlapping spans`,
      );
    }
  }
  const stored = tx
    .insert(spans)
    .values({ annotationId: layer.annotationId, ...span })
    .returning(spanColumns)
    .get();
  return { span: stored, version: bumpVersion(tx, layer.annotationId) };
}

export function relabelSpanInLayer(tx: Tx, layer: Layer, spanId: number, labelId: number) {
  const span = getLayerSpan(tx, layer.annotationId, spanId);
  assertLabelInProject(tx, labelId, layer.projectId);
  const twin = findIdenticalSpan(tx, layer.annotationId, { ...span, labelId });
  // Relabelling onto an identical span merges the two, since a layer's spans form a set.
  if (twin && twin.id !== span.id) tx.delete(spans).where(eq(spans.id, span.id)).run();
  else tx.update(spans).set({ labelId }).where(eq(spans.id, span.id)).run();
  return {
    span: { ...span, id: twin?.id ?? span.id, labelId },
    version: bumpVersion(tx, layer.annotationId),
  };
}

export function deleteSpanFromLayer(tx: Tx, layer: Layer, spanId: number) {
  getLayerSpan(tx, layer.annotationId, spanId);
  tx.delete(spans).where(eq(spans.id, spanId)).run();
  return { version: bumpVersion(tx, layer.annotationId) };
}

export function listLayerSpans(tx: Queryable, annotationId: number) {
  return tx.select(spanColumns).from(spans).where(eq(spans.annotationId, annotationId)).all();
}

export function bumpVersion(tx: Tx, annotationId: number): number {
  const row = tx
    .update(annotations)
    .set({ version: sql`${annotations.version} + 1`, updatedAt: new Date() })
    .where(eq(annotations.id, annotationId))
    .returning({ version: annotations.version })
    .get();
  return row?.version ?? 0;
}

export function currentVersion(tx: Tx, annotationId: number): number {
  const row = tx
    .select({ version: annotations.version })
    .from(annotations)
    .where(eq(annotations.id, annotationId))
    .get();
  return row?.version ?? 0;
}

function getLayerSpan(tx: Tx, annotationId: number, spanId: number) {
  const span = tx
    .select(spanColumns)
    .from(spans)
    .where(and(eq(spans.id, spanId), eq(spans.annotationId, annotationId)))
    .get();
  if (!span) throw new DomainError("NOT_FOUND", `no span ${spanId}`);
  return span;
}

function findIdenticalSpan(tx: Tx, annotationId: number, span: SpanChange) {
  return tx
    .select(spanColumns)
    .from(spans)
    .where(
      and(
        eq(spans.annotationId, annotationId),
        eq(spans.start, span.start),
        eq(spans.end, span.end),
        eq(spans.labelId, span.labelId),
      ),
    )
    .get();
}

function assertLabelInProject(tx: Tx, labelId: number, projectId: number) {
  const label = tx
    .select({ id: labels.id })
    .from(labels)
    .where(and(eq(labels.id, labelId), eq(labels.projectId, projectId)))
    .get();
  if (!label)
    throw new DomainError("BAD_REQUEST", `label ${labelId} does not belong to this project`);
}
