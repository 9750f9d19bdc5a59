import { and, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import { tablesOf, type Queryable, type Tables, type Tx } from "@/db/open-database";
import { preparedQuery } from "@/db/prepared-query";
import { returnedRow } from "@/db/returned-row";
import type { AnnotationStatus } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import {
  compareSpanContent,
  contentOf,
  spanKey,
  type SpanContent,
  type SpanEdit,
  type StoredSpan,
} from "@/domain/span-edits";
import { planSpanEdits } from "@/domain/span-edits-check";

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

const spanColumns = ({ spans }: Tables) => ({
  id: spans.id,
  start: spans.start,
  end: spans.end,
  labelId: spans.labelId,
});
// SQLite binds at most 32,766 values a statement; a span row takes eight (its defaults too).
const rowsPerInsert = 4_000;
const idsPerDelete = 20_000;

/**
 * Applies edits to a layer as one change: the layer's spans and the project's labels are read
 * once, the edits judged once, then one delete, one insert and one version bump (none when the
 * edits change nothing, so a retried save is harmless). `edits` may be made from the spans the
 * layer has, e.g. to replace whatever a gold span overlaps. Returns, with their ids, the spans the
 * edits add or relabel to, whether they were new or already there; and what the edits really did
 * (`applied`, empty when nothing changed), which `invertEdit` turns back into an undo.
 */
export async function editLayer(
  tx: Tx,
  layer: Layer,
  editsOrMake: readonly SpanEdit[] | ((spans: readonly StoredSpan[]) => SpanEdit[]),
) {
  const whole =
    typeof editsOrMake === "function" ? await listLayerSpans(tx, layer.annotationId) : null;
  const edits = typeof editsOrMake === "function" ? editsOrMake(whole ?? []) : editsOrMake;
  const before = (
    whole ?? (await listSpansMeeting(tx, layer.annotationId, edits.flatMap(contentsOf)))
  ).sort(compareSpanContent);
  const plan = planSpanEdits(
    { text: layer.text, allowOverlap: layer.allowOverlap, labels: await projectLabels(tx, layer) },
    before,
    edits,
  );
  const removedIds = plan.removed.map((span) => span.id);
  await deleteSpans(tx, removedIds);
  const inserted = await insertSpans(tx, layer.annotationId, plan.added);
  const changed = removedIds.length > 0 || inserted.length > 0;
  const version = changed
    ? await bumpVersion(tx, layer.annotationId)
    : await currentVersion(tx, layer.annotationId);
  const stored = new Map([...before, ...inserted].map((span) => [spanKey(span), span]));
  const kept = new Set(plan.spans.map(spanKey));
  const named = new Map<string, StoredSpan>();
  for (const content of edits.flatMap(targetsOf)) {
    const key = spanKey(content);
    const span = stored.get(key);
    if (span && kept.has(key)) named.set(key, span);
  }
  const applied: SpanEdit[] = [];
  if (removedIds.length > 0) applied.push({ kind: "delete", spans: plan.removed.map(contentOf) });
  if (inserted.length > 0) applied.push({ kind: "add", spans: inserted.map(contentOf) });
  return { spans: [...named.values()], version, applied };
}

async function deleteSpans(tx: Tx, ids: number[]) {
  const { spans } = tablesOf(tx);
  for (const batch of chunks(ids, idsPerDelete)) {
    await tx.delete(spans).where(inArray(spans.id, batch));
  }
}

async function insertSpans(
  tx: Tx,
  annotationId: number,
  added: readonly SpanContent[],
): Promise<StoredSpan[]> {
  const tables = tablesOf(tx);
  const inserted: StoredSpan[] = [];
  for (const batch of chunks(added, rowsPerInsert)) {
    const rows = await tx
      .insert(tables.spans)
      .values(batch.map(({ start, end, labelId }) => ({ annotationId, start, end, labelId })))
      .returning(spanColumns(tables));
    inserted.push(...rows);
  }
  return inserted;
}

export function listLayerSpans(tx: Queryable, annotationId: number): Promise<StoredSpan[]> {
  const tables = tablesOf(tx);
  return tx
    .select(spanColumns(tables))
    .from(tables.spans)
    .where(eq(tables.spans.annotationId, annotationId));
}

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

/**
 * The layer's spans that share a character with the stretch of text the edits name: all that
 * identity and overlap can involve, so a keystroke in a layer of thousands reads a few rows.
 */
async function listSpansMeeting(
  tx: Tx,
  annotationId: number,
  named: SpanContent[],
): Promise<StoredSpan[]> {
  if (named.length === 0) return [];
  const from = Math.min(...named.map((span) => span.start));
  const to = Math.max(...named.map((span) => span.end));
  return listSpansBetween(tx).all({ annotationId, from, to });
}

const listSpansBetween = preparedQuery((db, tables) =>
  db
    .select(spanColumns(tables))
    .from(tables.spans)
    .where(
      and(
        eq(tables.spans.annotationId, sql.placeholder("annotationId")),
        lt(tables.spans.start, sql.placeholder("to")),
        gt(tables.spans.end, sql.placeholder("from")),
      ),
    ),
);

/** Every span an edit names, whether to add, delete or relabel. */
function contentsOf(edit: SpanEdit): SpanContent[] {
  if (edit.kind !== "relabel") return edit.spans;
  return [{ start: edit.start, end: edit.end, labelId: edit.from }];
}

/** The spans an edit wants the layer to hold. */
function targetsOf(edit: SpanEdit): SpanContent[] {
  if (edit.kind === "delete") return [];
  if (edit.kind === "add") return edit.spans;
  return [{ start: edit.start, end: edit.end, labelId: edit.to }];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
