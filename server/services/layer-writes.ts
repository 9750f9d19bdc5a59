import { and, eq, inArray } from "drizzle-orm";
import { tablesOf, type Tx } from "@/db/open-database";
import type { SpanDetails } from "@/domain/span-details";
import {
  spanKey,
  type DetailedSpan,
  type RelationContent,
  type SpanContent,
  type SpanEdit,
} from "@/domain/span-edits";

// SQLite binds at most 32,766 values a statement; a span row takes eight (its defaults too).
const rowsPerInsert = 4_000;
const idsPerDelete = 20_000;

/**
 * Row ids as a write goes along: spans by `spanKey`, relations by their end rows and type
 * (`relationRowKey`), which a relabel or resize of an end leaves as they are.
 */
export type RowIds = { spans: Map<string, number>; relations: Map<string, number> };

export function relationRowKey(sourceSpanId: number, targetSpanId: number, typeId: number) {
  return `${sourceSpanId}>${targetSpanId}#${typeId}`;
}

/**
 * Stores what `planSpanEdits` applied, edit by edit: adds and deletes rows, and a relabel, resize
 * or description updates the span's row, so its relations (whose ends are span rows) stay.
 */
export async function writeApplied(
  tx: Tx,
  annotationId: number,
  applied: readonly SpanEdit[],
  ids: RowIds,
) {
  const { spans, spanRelations, documentChoices } = tablesOf(tx);
  const idOf = (span: SpanContent) => ids.spans.get(spanKey(span)) ?? -1;
  for (const edit of applied) {
    switch (edit.kind) {
      case "add":
        await insertSpans(tx, annotationId, edit.spans, ids);
        break;
      case "delete":
        for (const batch of chunks(edit.spans.map(idOf), idsPerDelete)) {
          await tx.delete(spans).where(inArray(spans.id, batch));
        }
        for (const span of edit.spans) ids.spans.delete(spanKey(span));
        break;
      case "relabel": {
        const from = { start: edit.start, end: edit.end, labelId: edit.from };
        await moveSpan(tx, ids, from, { ...from, labelId: edit.to });
        break;
      }
      case "resize":
        await moveSpan(tx, ids, edit.span, { ...edit.span, start: edit.start, end: edit.end });
        break;
      case "describe":
        await tx
          .update(spans)
          .set(detailsOf(edit.to))
          .where(eq(spans.id, idOf(edit.span)));
        break;
      case "relate":
        await insertRelations(tx, annotationId, edit.relations, ids);
        break;
      case "unrelate": {
        const gone = edit.relations.map((relation) => relationRowOf(ids, relation));
        for (const batch of chunks(gone, idsPerDelete)) {
          await tx.delete(spanRelations).where(inArray(spanRelations.id, batch));
        }
        break;
      }
      case "choose":
        if (edit.from.length > 0) {
          await tx
            .delete(documentChoices)
            .where(
              and(
                eq(documentChoices.annotationId, annotationId),
                inArray(documentChoices.optionId, edit.from),
              ),
            );
        }
        if (edit.to.length > 0) {
          await tx
            .insert(documentChoices)
            .values(edit.to.map((optionId) => ({ annotationId, optionId })));
        }
        break;
    }
  }
}

async function insertSpans(
  tx: Tx,
  annotationId: number,
  added: readonly DetailedSpan[],
  ids: RowIds,
) {
  const { spans } = tablesOf(tx);
  for (const batch of chunks(added, rowsPerInsert)) {
    const rows = await tx
      .insert(spans)
      .values(
        batch.map((span) => ({
          annotationId,
          start: span.start,
          end: span.end,
          labelId: span.labelId,
          ...detailsOf(span),
        })),
      )
      .returning({ id: spans.id, start: spans.start, end: spans.end, labelId: spans.labelId });
    for (const row of rows) ids.spans.set(spanKey(row), row.id);
  }
}

async function insertRelations(
  tx: Tx,
  annotationId: number,
  relations: readonly RelationContent[],
  ids: RowIds,
) {
  const { spanRelations } = tablesOf(tx);
  for (const batch of chunks(relations, rowsPerInsert)) {
    const rows = await tx
      .insert(spanRelations)
      .values(
        batch.map((relation) => ({
          annotationId,
          sourceSpanId: ids.spans.get(spanKey(relation.source)) ?? -1,
          targetSpanId: ids.spans.get(spanKey(relation.target)) ?? -1,
          typeId: relation.typeId,
        })),
      )
      .returning({ id: spanRelations.id });
    for (const [i, row] of rows.entries()) {
      const relation = batch[i];
      if (relation) ids.relations.set(rowKeyOf(ids, relation), row.id);
    }
  }
}

function rowKeyOf(ids: RowIds, { source, target, typeId }: RelationContent): string {
  const id = (span: SpanContent) => ids.spans.get(spanKey(span)) ?? -1;
  return relationRowKey(id(source), id(target), typeId);
}

/** An undirected relation's row may hold its ends the other way round (it was drawn so). */
function relationRowOf(ids: RowIds, relation: RelationContent): number {
  const reversed = { source: relation.target, target: relation.source, typeId: relation.typeId };
  return (
    ids.relations.get(rowKeyOf(ids, relation)) ?? ids.relations.get(rowKeyOf(ids, reversed)) ?? -1
  );
}

/** A span row taking new content: its relations, whose ends are rows, stay. */
async function moveSpan(tx: Tx, ids: RowIds, from: SpanContent, to: SpanContent) {
  const { spans } = tablesOf(tx);
  const id = ids.spans.get(spanKey(from)) ?? -1;
  await tx
    .update(spans)
    .set({ start: to.start, end: to.end, labelId: to.labelId })
    .where(eq(spans.id, id));
  ids.spans.delete(spanKey(from));
  ids.spans.set(spanKey(to), id);
}

/** The detail columns an edit sets: those it names. */
function detailsOf(details: Partial<SpanDetails>): Partial<SpanDetails> {
  const set: Partial<SpanDetails> = {};
  if (details.attributes !== undefined) set.attributes = details.attributes;
  if (details.note !== undefined) set.note = details.note;
  if (details.fragments !== undefined) set.fragments = details.fragments;
  return set;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
