import { and, eq, isNull } from "drizzle-orm";
import { tablesOf, type Db, type Queryable, type Tx } from "@/db/open-database";
import type { AnnotationStatus } from "@/db/schema";
import { acceptedVariants, findRegions } from "@/domain/review/disagreements";
import { contentOf, sameSpan, type SpanContent, type SpanEdit } from "@/domain/span-edits";
import { spansOverlap } from "@/domain/spans";
import { assertCanReview, getDocumentForMember } from "../access";
import { bumpVersion, editLayer, openLayerRow, type Layer } from "../span-layer";
import { loadSubmittedSpans } from "./submissions";

/**
 * A reviewer's change to a document's gold layer, the curated truth that exports take, made
 * against `baseVersion`: the gold layer's version as the reviewer last saw it (see `openLayerRow`).
 */
export type Curation = { documentId: number; userId: number; baseVersion: number };

/**
 * Any edits of gold as one change, by content: what the gold editor's add, relabel and delete
 * send, and its undo and redo.
 */
export function editGoldSpans(db: Db, input: Curation & { edits: SpanEdit[] }) {
  return db.transaction(async (tx) => editGold(tx, await goldLayer(tx, input), input.edits));
}

/** Takes one annotator's version into gold, replacing what gold had there where overlaps are forbidden. */
export function acceptVariant(db: Db, input: Curation & SpanContent) {
  return db.transaction(async (tx) => {
    const layer = await goldLayer(tx, input);
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
  return db.transaction(async (tx) => {
    const { goldRejections } = tablesOf(tx);
    const layer = await goldLayer(tx, input);
    const inserted = await tx
      .insert(goldRejections)
      .values({ annotationId: layer.annotationId, start: input.start, end: input.end })
      .onConflictDoNothing()
      .returning({ annotationId: goldRejections.annotationId });
    const rejected = inserted.length > 0;
    // A rejection changes the curation even where gold had no span to delete: a new version.
    if (rejected) await reopen(tx, layer);
    const { version, applied, status } = await editGold(tx, layer, (gold) => [
      { kind: "delete", spans: gold.filter((span) => spansOverlap(span, input)) },
    ]);
    const bumped = rejected && applied.length === 0;
    return {
      version: bumped ? await bumpVersion(tx, layer.annotationId) : version,
      applied,
      status,
    };
  });
}

/**
 * Copies into gold every span that enough annotators share (the project's gold accept share; all
 * of them by default). Spans already in gold, or clashing with gold where overlaps are forbidden,
 * are left as they are.
 */
export function acceptAgreedSpans(db: Db, input: Curation) {
  return db.transaction(async (tx) => {
    const { labels } = tablesOf(tx);
    const layer = await goldLayer(tx, input);
    const { annotators, spansByDocument } = await loadSubmittedSpans(tx, {
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
    const projectLabels = await tx
      .select({ id: labels.id, name: labels.name })
      .from(labels)
      .where(eq(labels.projectId, layer.projectId));
    const labelIds = new Map(projectLabels.map((label) => [label.name, label.id]));
    let added = 0;
    const { applied, status, version } = await editGold(tx, layer, (gold) => {
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
    return { added, applied, status, version };
  });
}

export function setGoldStatus(db: Db, input: Curation & { status: "in_progress" | "curated" }) {
  return db.transaction(async (tx) => {
    const { annotations } = tablesOf(tx);
    const layer = await goldLayer(tx, input);
    await tx
      .update(annotations)
      .set({ status: input.status })
      .where(eq(annotations.id, layer.annotationId));
    return { status: input.status, version: await bumpVersion(tx, layer.annotationId) };
  });
}

/**
 * Edits gold through the one layer edit. Changing curated gold takes it back to in progress, so
 * "curated" always means a reviewer looked at gold as it is; an edit that changes nothing keeps it.
 */
export async function editGold(tx: Tx, layer: GoldLayer, edits: Parameters<typeof editLayer>[2]) {
  const result = await editLayer(tx, layer, edits);
  if (result.applied.length > 0) await reopen(tx, layer);
  return { ...result, status: layer.status };
}

async function reopen(tx: Tx, layer: GoldLayer) {
  if (layer.status !== "curated") return;
  const { annotations } = tablesOf(tx);
  await tx
    .update(annotations)
    .set({ status: "in_progress" })
    .where(eq(annotations.id, layer.annotationId));
  layer.status = "in_progress";
}

export type GoldLayer = Layer & { goldAcceptShare: number; status: AnnotationStatus };

/** The document's gold layer, created on the first curation; only reviewers and owners reach it. */
export async function goldLayer(
  tx: Tx,
  { documentId, userId, baseVersion }: Curation,
): Promise<GoldLayer> {
  const { annotations } = tablesOf(tx);
  const { document, project, role } = await getDocumentForMember(tx, documentId, userId);
  assertCanReview(role);
  const row = await openLayerRow(tx, { documentId, userId: null, curatedBy: userId }, baseVersion);
  await tx
    .update(annotations)
    .set({ curatedBy: userId })
    .where(eq(annotations.id, row.annotationId));
  return {
    annotationId: row.annotationId,
    projectId: project.id,
    text: document.text,
    allowOverlap: project.allowOverlap,
    goldAcceptShare: project.goldAcceptShare,
    status: row.status,
  };
}

export async function findGoldAnnotation(db: Queryable, documentId: number) {
  const { annotations } = tablesOf(db);
  const [row] = await db
    .select({ id: annotations.id, status: annotations.status, version: annotations.version })
    .from(annotations)
    .where(and(eq(annotations.documentId, documentId), isNull(annotations.userId)))
    .limit(1);
  return row;
}
