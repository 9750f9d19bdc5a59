import { and, eq, isNull } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/db/open-database";
import { annotations, goldRejections, labels } from "@/db/schema";
import { acceptedVariants, findRegions } from "@/domain/review/disagreements";
import { spansOverlap } from "@/domain/spans";
import { assertCanReview, getDocumentForMember } from "../access";
import {
  addSpanToLayer,
  bumpVersion,
  deleteSpanFromLayer,
  listLayerSpans,
  relabelSpanInLayer,
  type Layer,
  type SpanChange,
} from "../span-layer";
import { loadSubmittedSpans } from "./submissions";

/** A reviewer's changes to a document's gold layer: the curated truth that exports take. */
type Curation = { documentId: number; userId: number };

export function addGoldSpan(db: Db, input: Curation & SpanChange) {
  return db.transaction((tx) => addSpanToLayer(tx, goldLayer(tx, input), input));
}

export function relabelGoldSpan(db: Db, input: Curation & { spanId: number; labelId: number }) {
  return db.transaction((tx) =>
    relabelSpanInLayer(tx, goldLayer(tx, input), input.spanId, input.labelId),
  );
}

export function deleteGoldSpan(db: Db, input: Curation & { spanId: number }) {
  return db.transaction((tx) => deleteSpanFromLayer(tx, goldLayer(tx, input), input.spanId));
}

/** Takes one annotator's version into gold, replacing what gold had there where overlaps are forbidden. */
export function acceptVariant(db: Db, input: Curation & SpanChange) {
  return db.transaction((tx) => {
    const layer = goldLayer(tx, input);
    if (!layer.allowOverlap) {
      for (const span of listLayerSpans(tx, layer.annotationId)) {
        const identical =
          span.start === input.start && span.end === input.end && span.labelId === input.labelId;
        if (!identical && spansOverlap(span, input)) deleteSpanFromLayer(tx, layer, span.id);
      }
    }
    return addSpanToLayer(tx, layer, input);
  });
}

/** Settles a region as "nothing here": every annotator's variant in it is rejected. */
export function rejectRegion(db: Db, input: Curation & { start: number; end: number }) {
  return db.transaction((tx) => {
    const layer = goldLayer(tx, input);
    for (const span of listLayerSpans(tx, layer.annotationId)) {
      if (spansOverlap(span, input)) deleteSpanFromLayer(tx, layer, span.id);
    }
    tx.insert(goldRejections)
      .values({ annotationId: layer.annotationId, start: input.start, end: input.end })
      .onConflictDoNothing()
      .run();
    return { version: bumpVersion(tx, layer.annotationId) };
  });
}

/**
 * Copies into gold every span that enough annotators share (the project's gold accept share; all
 * of them by default). Spans already in gold, or clashing with gold where overlaps are forbidden,
 * are left as they are.
 */
export function acceptAgreedSpans(db: Db, input: Curation) {
  return db.transaction((tx) => {
    const layer = goldLayer(tx, input);
    const { annotators, spansByDocument } = loadSubmittedSpans(tx, {
      documentId: input.documentId,
    });
    const annotatorCount = annotators.get(input.documentId)?.size ?? 0;
    const regions = findRegions(spansByDocument.get(input.documentId) ?? [], annotatorCount);
    const labelIds = new Map(
      tx
        .select({ id: labels.id, name: labels.name })
        .from(labels)
        .where(eq(labels.projectId, layer.projectId))
        .all()
        .map((label) => [label.name, label.id]),
    );
    let added = 0;
    for (const span of acceptedVariants(
      regions,
      annotatorCount,
      layer.goldAcceptShare,
      layer.allowOverlap,
    )) {
      const gold = listLayerSpans(tx, layer.annotationId);
      const labelId = labelIds.get(span.label);
      if (labelId === undefined) continue;
      const present = gold.some(
        (g) => g.start === span.start && g.end === span.end && g.labelId === labelId,
      );
      if (present || (!layer.allowOverlap && gold.some((g) => spansOverlap(g, span)))) continue;
      addSpanToLayer(tx, layer, { start: span.start, end: span.end, labelId });
      added++;
    }
    return { added };
  });
}

export function setGoldStatus(db: Db, input: Curation & { status: "in_progress" | "curated" }) {
  return db.transaction((tx) => {
    const layer = goldLayer(tx, input);
    tx.update(annotations)
      .set({ status: input.status })
      .where(eq(annotations.id, layer.annotationId))
      .run();
    return { status: input.status, version: bumpVersion(tx, layer.annotationId) };
  });
}

/** The document's gold layer, created on the first curation; only reviewers and owners reach it. */
function goldLayer(tx: Tx, { documentId, userId }: Curation): Layer & { goldAcceptShare: number } {
  const { document, project, role } = getDocumentForMember(tx, documentId, userId);
  assertCanReview(role);
  const existing = findGoldAnnotation(tx, documentId);
  const annotationId =
    existing?.id ??
    tx
      .insert(annotations)
      .values({ documentId, userId: null, curatedBy: userId })
      .returning({ id: annotations.id })
      .get().id;
  tx.update(annotations).set({ curatedBy: userId }).where(eq(annotations.id, annotationId)).run();
  return {
    annotationId,
    projectId: project.id,
    text: document.text,
    allowOverlap: project.allowOverlap,
    goldAcceptShare: project.goldAcceptShare,
  };
}

export function findGoldAnnotation(tx: Queryable, documentId: number) {
  return tx
    .select({ id: annotations.id, status: annotations.status, version: annotations.version })
    .from(annotations)
    .where(and(eq(annotations.documentId, documentId), isNull(annotations.userId)))
    .get();
}
