import { and, eq, isNull } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/db/open-database";
import { annotations, goldRejections, labels } from "@/db/schema";
import { acceptedVariants, findRegions } from "@/domain/review/disagreements";
import { DomainError } from "@/domain/errors";
import {
  contentOf,
  sameSpan,
  type SpanContent,
  type SpanEdit,
  type StoredSpan,
} from "@/domain/span-edits";
import { spansOverlap } from "@/domain/spans";
import { assertCanReview, getDocumentForMember } from "../access";
import { bumpVersion, editLayer, type Layer } from "../span-layer";
import { loadSubmittedSpans } from "./submissions";

/** A reviewer's changes to a document's gold layer: the curated truth that exports take. */
type Curation = { documentId: number; userId: number };

export function addGoldSpan(db: Db, input: Curation & SpanContent) {
  return db.transaction((tx) =>
    editGold(tx, goldLayer(tx, input), [{ kind: "add", spans: [contentOf(input)] }]),
  );
}

/** Any edits of gold as one change, by content: what undo and redo of the curation view send. */
export function editGoldSpans(db: Db, input: Curation & { edits: SpanEdit[] }) {
  return db.transaction((tx) => editGold(tx, goldLayer(tx, input), input.edits));
}

export function relabelGoldSpan(db: Db, input: Curation & { spanId: number; labelId: number }) {
  return db.transaction((tx) =>
    editGold(tx, goldLayer(tx, input), (gold) => {
      const span = findById(gold, input.spanId);
      return [{ kind: "relabel", ...span, from: span.labelId, to: input.labelId }];
    }),
  );
}

export function deleteGoldSpan(db: Db, input: Curation & { spanId: number }) {
  return db.transaction((tx) =>
    editGold(tx, goldLayer(tx, input), (gold) => [
      { kind: "delete", spans: [findById(gold, input.spanId)] },
    ]),
  );
}

/** Takes one annotator's version into gold, replacing what gold had there where overlaps are forbidden. */
export function acceptVariant(db: Db, input: Curation & SpanContent) {
  return db.transaction((tx) => {
    const layer = goldLayer(tx, input);
    const variant = contentOf(input);
    return editGold(tx, layer, (gold) => [
      {
        kind: "delete",
        spans: layer.allowOverlap
          ? []
          : gold.filter((span) => !sameSpan(span, variant) && spansOverlap(span, variant)),
      },
      { kind: "add", spans: [variant] },
    ]);
  });
}

/** Settles a region as "nothing here": every annotator's variant in it is rejected. */
export function rejectRegion(db: Db, input: Curation & { start: number; end: number }) {
  return db.transaction((tx) => {
    const layer = goldLayer(tx, input);
    const { changes } = tx
      .insert(goldRejections)
      .values({ annotationId: layer.annotationId, start: input.start, end: input.end })
      .onConflictDoNothing()
      .run();
    // A rejection changes the curation even where gold had no span to delete.
    if (changes > 0) reopen(tx, layer);
    const { version, applied, status } = editGold(tx, layer, (gold) => [
      { kind: "delete", spans: gold.filter((span) => spansOverlap(span, input)) },
    ]);
    return { version, applied, status };
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
    const agreed = acceptedVariants(
      regions,
      annotatorCount,
      layer.goldAcceptShare,
      layer.allowOverlap,
    );
    const labelIds = new Map(
      tx
        .select({ id: labels.id, name: labels.name })
        .from(labels)
        .where(eq(labels.projectId, layer.projectId))
        .all()
        .map((label) => [label.name, label.id]),
    );
    let added = 0;
    const { applied, status } = editGold(tx, layer, (gold) => {
      const accepted: SpanContent[] = [];
      for (const span of agreed) {
        const labelId = labelIds.get(span.label);
        if (labelId === undefined) continue;
        const candidate = { start: span.start, end: span.end, labelId };
        const kept = [...gold, ...accepted];
        const present = kept.some((other) => sameSpan(other, candidate));
        const clash = !layer.allowOverlap && kept.some((other) => spansOverlap(other, candidate));
        if (!present && !clash) accepted.push(candidate);
      }
      added = accepted.length;
      return accepted.length > 0 ? [{ kind: "add", spans: accepted }] : [];
    });
    return { added, applied, status };
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

/**
 * Edits gold through the one layer edit. Changing curated gold takes it back to in progress, so
 * "curated" always means a reviewer looked at gold as it is; an edit that changes nothing keeps it.
 */
function editGold(tx: Tx, layer: GoldLayer, edits: Parameters<typeof editLayer>[2]) {
  const result = editLayer(tx, layer, edits);
  if (result.applied.length > 0) reopen(tx, layer);
  return { ...result, status: layer.status };
}

function reopen(tx: Tx, layer: GoldLayer) {
  if (layer.status !== "curated") return;
  tx.update(annotations)
    .set({ status: "in_progress" })
    .where(eq(annotations.id, layer.annotationId))
    .run();
  layer.status = "in_progress";
}

type GoldLayer = Layer & {
  goldAcceptShare: number;
  status: (typeof annotations.$inferSelect)["status"];
};

/** The document's gold layer, created on the first curation; only reviewers and owners reach it. */
function goldLayer(tx: Tx, { documentId, userId }: Curation): GoldLayer {
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
    status: existing?.status ?? "in_progress",
  };
}

export function findGoldAnnotation(tx: Queryable, documentId: number) {
  return tx
    .select({ id: annotations.id, status: annotations.status, version: annotations.version })
    .from(annotations)
    .where(and(eq(annotations.documentId, documentId), isNull(annotations.userId)))
    .get();
}

function findById(gold: readonly StoredSpan[], spanId: number): StoredSpan {
  const span = gold.find((candidate) => candidate.id === spanId);
  if (!span) throw new DomainError("NOT_FOUND", `no span ${spanId}`);
  return span;
}
