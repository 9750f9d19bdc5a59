import { and, eq, isNull, sql } from "drizzle-orm";
import { tablesOf, type Queryable, type Tables, type Tx } from "@/db/open-database";
import { preparedQuery } from "@/db/prepared-query";
import { returnedRow } from "@/db/returned-row";
import type { AnnotationStatus } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import { withDetails } from "@/domain/layer-state";
import type { RelationTypeRule } from "@/domain/layer-scheme";
import type { SpanDetails } from "@/domain/span-details";
import { spanKey, type SpanContent, type SpanEdit } from "@/domain/span-edits";
import { planSpanEdits } from "@/domain/span-edits-check";
import { readLayerPart, readWholeLayer, type ReadLayer, type SpanRow } from "./layer-read";
import { writeApplied, type RowIds } from "./layer-writes";
import { listRelationTypes, loadLayerScheme } from "./scheme";

/**
 * A layer is one annotation row: an annotator's own spans, or a document's gold layer. Both are
 * edited the same way, through `editLayer`: the rules themselves live in `planSpanEdits`.
 */
export type Layer = {
  annotationId: number;
  projectId: number;
  text: string;
  allowOverlap: boolean;
};

/** Whose layer of a document: an annotator's own, or the document's gold layer (`userId` null). */
export type LayerOwner = { documentId: number; userId: number | null };

/**
 * A write made against a version of a layer that is no longer the current one, e.g. from a tab
 * left open while another tab, or another reviewer, changed the layer. It changes nothing; the
 * client reloads the layer (`currentVersion` says which version it will find) and tries again.
 */
export class StaleLayerError extends DomainError {
  constructor(
    readonly currentVersion: number,
    baseVersion: number,
  ) {
    super(
      "CONFLICT",
      `This document changed in another tab or by another person (version ${currentVersion}, you had ${baseVersion}); nothing was saved.`,
    );
    this.name = "StaleLayerError";
  }
}

/**
 * The one door of every write to a layer, spans or status: its row, created on the first write,
 * at version 0 as a layer that does not exist yet reads. A write names the version its client
 * last saw, and is refused as stale unless that is still the layer's version; it is checked in
 * the write's own transaction, so nothing can slip in between.
 */
export async function openLayerRow(
  tx: Tx,
  owner: LayerOwner & { curatedBy?: number },
  baseVersion: number,
): Promise<{ annotationId: number; status: AnnotationStatus; version: number }> {
  const existing = await findLayerRow(tx, owner);
  const version = existing?.version ?? 0;
  if (version !== baseVersion) throw new StaleLayerError(version, baseVersion);
  if (existing) return existing;
  const tables = tablesOf(tx);
  const created = returnedRow(
    await tx
      .insert(tables.annotations)
      .values({ ...owner, version: 0 })
      .returning(layerRowColumns(tables)),
  );
  return { annotationId: created.id, status: created.status, version: created.version };
}

/** A user's layer of a document (gold when `userId` is null), if it has been created. */
export async function findLayerRow(tx: Queryable, { documentId, userId }: LayerOwner) {
  const row =
    userId === null
      ? await findGoldRow(tx).first({ documentId })
      : await findAnnotatorRow(tx).first({ documentId, userId });
  return row && { annotationId: row.id, status: row.status, version: row.version };
}

const layerRowColumns = ({ annotations }: Tables) => ({
  id: annotations.id,
  status: annotations.status,
  version: annotations.version,
});
const findAnnotatorRow = preparedQuery((db, tables) =>
  db
    .select(layerRowColumns(tables))
    .from(tables.annotations)
    .where(
      and(
        eq(tables.annotations.documentId, sql.placeholder("documentId")),
        eq(tables.annotations.userId, sql.placeholder("userId")),
      ),
    ),
);
const findGoldRow = preparedQuery((db, tables) =>
  db
    .select(layerRowColumns(tables))
    .from(tables.annotations)
    .where(
      and(
        eq(tables.annotations.documentId, sql.placeholder("documentId")),
        isNull(tables.annotations.userId),
      ),
    ),
);

/**
 * Applies edits of any kind to a layer as one change: the part of the layer the edits can touch,
 * the project's labels and the parts of its scheme they need are read once, the edits judged
 * once, then each stored as it applies (a relabel, resize or description updates the span's row,
 * so its relations stay) and one version bump (none when the edits change nothing, so a retried
 * save is harmless). `edits` may be made from the spans the layer has, e.g. to replace whatever
 * a gold span overlaps. Returns, with their ids and details, the spans the edits add or change,
 * whether they were new or already there; and what the edits really did (`applied`, empty when
 * nothing changed), which `invertEdits` turns back into an undo.
 */
export async function editLayer(
  tx: Tx,
  layer: Layer,
  editsOrMake: readonly SpanEdit[] | ((spans: readonly SpanRow[]) => SpanEdit[]),
) {
  // Relation types are read once, and only when relations are drawn, removed or read.
  let relationTypes: Promise<RelationTypeRule[]> | undefined;
  const typesOf = () => (relationTypes ??= listRelationTypes(tx, layer.projectId));
  const whole =
    typeof editsOrMake === "function"
      ? await readWholeLayer(tx, layer.annotationId, typesOf)
      : null;
  const edits = typeof editsOrMake === "function" ? editsOrMake(whole?.spans ?? []) : editsOrMake;
  const before = whole ?? (await readLayerPart(tx, layer.annotationId, edits, typesOf));
  const drawing = edits.some((edit) => edit.kind === "relate" || edit.kind === "unrelate");
  const scheme = await loadLayerScheme(tx, layer.projectId, {
    attributes: needsAttributes(before, edits),
    documentLabelSets: edits.some((edit) => edit.kind === "choose"),
  });
  const plan = planSpanEdits(
    {
      text: layer.text,
      allowOverlap: layer.allowOverlap,
      labels: await projectLabels(tx, layer),
      scheme: {
        ...scheme,
        relationTypes: drawing || relationTypes ? await typesOf() : [],
      },
    },
    before,
    edits,
  );
  const ids: RowIds = {
    spans: new Map(before.spans.map((span) => [spanKey(span), span.id])),
    relations: before.relationIds,
  };
  await writeApplied(tx, layer.annotationId, plan.applied, ids);
  const version =
    plan.applied.length > 0
      ? await bumpVersion(tx, layer.annotationId)
      : await currentVersion(tx, layer.annotationId);
  const after = new Map(plan.state.spans.map((span) => [spanKey(span), span]));
  const named = new Map<string, SpanRow>();
  for (const content of edits.flatMap(targetsOf)) {
    const key = spanKey(content);
    const span = after.get(key);
    const id = ids.spans.get(key);
    if (span && id !== undefined) named.set(key, { ...withDetails(span), id });
  }
  return { spans: [...named.values()], version, applied: plan.applied };
}

export { listLayerSpans } from "./layer-read";

export async function bumpVersion(tx: Tx, annotationId: number): Promise<number> {
  const row = await raiseVersion(tx).first({ annotationId, now: new Date() });
  return row?.version ?? 0;
}

const raiseVersion = preparedQuery((db, { annotations }) =>
  db
    .update(annotations)
    .set({
      version: sql`${annotations.version} + 1`,
      // A placeholder given as the column's value is encoded as the column stores a Date (whole
      // seconds on SQLite, a timestamp on PostgreSQL); Drizzle's types leave placeholders out.
      updatedAt: sql.placeholder("now") as unknown as Date,
    })
    .where(eq(annotations.id, sql.placeholder("annotationId")))
    .returning({ version: annotations.version }),
);

async function currentVersion(tx: Tx, annotationId: number): Promise<number> {
  return (await findVersion(tx).first({ annotationId }))?.version ?? 0;
}

const findVersion = preparedQuery((db, { annotations }) =>
  db
    .select({ version: annotations.version })
    .from(annotations)
    .where(eq(annotations.id, sql.placeholder("annotationId"))),
);

async function projectLabels(tx: Tx, layer: Layer): Promise<Map<number, string>> {
  const rows = await listProjectLabels(tx).all({ projectId: layer.projectId });
  return new Map(rows.map((label) => [label.id, label.name]));
}

const listProjectLabels = preparedQuery((db, { labels }) =>
  db
    .select({ id: labels.id, name: labels.name })
    .from(labels)
    .where(eq(labels.projectId, sql.placeholder("projectId"))),
);

/** The spans an edit wants the layer to hold. */
function targetsOf(edit: SpanEdit): SpanContent[] {
  switch (edit.kind) {
    case "add":
      return edit.spans;
    case "relabel":
      return [{ start: edit.start, end: edit.end, labelId: edit.to }];
    case "resize":
      return [{ ...edit.span, start: edit.start, end: edit.end }];
    case "describe":
      return [edit.span];
    default:
      return [];
  }
}

/**
 * Attributes are judged when an edit sets some, or relabels a span that has some: other edits
 * leave them as the layer has them.
 */
function needsAttributes(layer: ReadLayer, edits: readonly SpanEdit[]): boolean {
  const hasAny = (span: Partial<SpanDetails>) =>
    span.attributes !== undefined && Object.keys(span.attributes).length > 0;
  return edits.some(
    (edit) =>
      (edit.kind === "add" && edit.spans.some(hasAny)) ||
      (edit.kind === "describe" && hasAny(edit.to)) ||
      (edit.kind === "relabel" && layer.spans.some(hasAny)),
  );
}
