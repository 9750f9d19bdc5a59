import { and, eq, gt, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { tablesOf, type Queryable, type Tables } from "@/db/open-database";
import type { LayerState } from "@/domain/layer-state";
import type { RelationTypeRule } from "@/domain/layer-scheme";
import {
  compareRelations,
  compareSpanContent,
  contentOf,
  normalizeRelation,
  type RelationContent,
  type SpanEdit,
  type StoredSpan,
} from "@/domain/span-edits";
import type { SpanDetails } from "@/domain/span-details";
import { relationRowKey } from "./layer-writes";

/** A span row with its details. */
export type SpanRow = StoredSpan & SpanDetails;

/** A layer as read: its state, and the row id of each relation by `relationRowKey`. */
export type ReadLayer = LayerState<SpanRow> & { relationIds: Map<string, number> };

/** The project's relation types, read when first asked for (undirected ones name ends in order). */
export type RelationTypesOf = () => Promise<readonly RelationTypeRule[]>;

type RelationRow = { id: number; sourceSpanId: number; targetSpanId: number; typeId: number };

export const spanColumns = ({ spans }: Tables) => ({
  id: spans.id,
  start: spans.start,
  end: spans.end,
  labelId: spans.labelId,
  attributes: spans.attributes,
  note: spans.note,
  fragments: spans.fragments,
});

export function listLayerSpans(db: Queryable, annotationId: number): Promise<SpanRow[]> {
  const tables = tablesOf(db);
  return db
    .select(spanColumns(tables))
    .from(tables.spans)
    .where(eq(tables.spans.annotationId, annotationId));
}

/** A whole layer: spans sorted, relations by content, choices. */
export async function readWholeLayer(
  db: Queryable,
  annotationId: number,
  typesOf: RelationTypesOf,
): Promise<ReadLayer> {
  const spans = await listLayerSpans(db, annotationId);
  const { spanRelations } = tablesOf(db);
  const rows = await selectRelations(db, eq(spanRelations.annotationId, annotationId));
  return assemble(spans, rows, await listChoices(db, annotationId), typesOf);
}

/**
 * The part of a layer `edits` can touch: the spans sharing a character with a stretch of text the
 * edits name (all that identity and overlap can involve) and every span with fragments (which may
 * reach into such a stretch), the relations of those spans with their other ends, and the choices
 * when an edit chooses. A keystroke in a layer of thousands of spans reads a few rows.
 */
export async function readLayerPart(
  db: Queryable,
  annotationId: number,
  edits: readonly SpanEdit[],
  typesOf: RelationTypesOf,
): Promise<ReadLayer> {
  const tables = tablesOf(db);
  const { spans: table, spanRelations } = tables;
  const stretches = mergeStretches(edits.flatMap(rangesNamed));
  const spans =
    stretches.length === 0
      ? []
      : await db
          .select(spanColumns(tables))
          .from(table)
          .where(
            and(
              eq(table.annotationId, annotationId),
              or(
                ...stretches.map(([from, to]) => and(lt(table.start, to), gt(table.end, from))),
                sql`${table.fragments} <> '[]'`,
              ),
            ),
          );
  const ids = spans.map((span) => span.id);
  const touchesRelations = edits.some((edit) => edit.kind !== "add" && edit.kind !== "choose");
  const rows =
    touchesRelations && ids.length > 0
      ? await selectRelations(
          db,
          and(
            eq(spanRelations.annotationId, annotationId),
            or(inArray(spanRelations.sourceSpanId, ids), inArray(spanRelations.targetSpanId, ids)),
          ),
        )
      : [];
  const known = new Set(ids);
  const otherEnds = [
    ...new Set(rows.flatMap((row) => [row.sourceSpanId, row.targetSpanId])),
  ].filter((id) => !known.has(id));
  if (otherEnds.length > 0) {
    spans.push(
      ...(await db.select(spanColumns(tables)).from(table).where(inArray(table.id, otherEnds))),
    );
  }
  const choices = edits.some((edit) => edit.kind === "choose")
    ? await listChoices(db, annotationId)
    : [];
  return assemble(spans, rows, choices, typesOf);
}

function selectRelations(db: Queryable, where: SQL | undefined): Promise<RelationRow[]> {
  const { spanRelations } = tablesOf(db);
  return db
    .select({
      id: spanRelations.id,
      sourceSpanId: spanRelations.sourceSpanId,
      targetSpanId: spanRelations.targetSpanId,
      typeId: spanRelations.typeId,
    })
    .from(spanRelations)
    .where(where);
}

async function listChoices(db: Queryable, annotationId: number): Promise<number[]> {
  const { documentChoices } = tablesOf(db);
  const rows = await db
    .select({ optionId: documentChoices.optionId })
    .from(documentChoices)
    .where(eq(documentChoices.annotationId, annotationId));
  return rows.map((row) => row.optionId).sort((a, b) => a - b);
}

async function assemble(
  spans: SpanRow[],
  rows: RelationRow[],
  choices: number[],
  typesOf: RelationTypesOf,
): Promise<ReadLayer> {
  const byId = new Map(spans.map((span) => [span.id, span]));
  const relationIds = new Map<string, number>();
  const relations: RelationContent[] = [];
  const types = rows.length > 0 ? await typesOf() : [];
  const directed = new Map(types.map((type) => [type.id, type.directed]));
  for (const row of rows) {
    const source = byId.get(row.sourceSpanId);
    const target = byId.get(row.targetSpanId);
    if (!source || !target) continue;
    const relation = normalizeRelation(
      { source: contentOf(source), target: contentOf(target), typeId: row.typeId },
      directed.get(row.typeId) ?? true,
    );
    relationIds.set(relationRowKey(row.sourceSpanId, row.targetSpanId, row.typeId), row.id);
    relations.push(relation);
  }
  return {
    spans: spans.sort(compareSpanContent),
    relations: relations.sort(compareRelations),
    choices,
    relationIds,
  };
}

/** Every stretch of text an edit names: the spans it adds or changes, before and after. */
function rangesNamed(edit: SpanEdit): [number, number][] {
  switch (edit.kind) {
    case "add":
    case "delete":
      return edit.spans.flatMap((span) => [
        [span.start, span.end] as [number, number],
        ...(span.fragments ?? []),
      ]);
    case "relabel":
      return [[edit.start, edit.end]];
    case "resize":
      return [
        [edit.span.start, edit.span.end],
        [edit.start, edit.end],
      ];
    case "describe":
      return [[edit.span.start, edit.span.end], ...(edit.to.fragments ?? [])];
    case "relate":
    case "unrelate":
      return edit.relations.flatMap(({ source, target }) => [
        [source.start, source.end] as [number, number],
        [target.start, target.end] as [number, number],
      ]);
    case "choose":
      return [];
  }
}

// Past this many separate stretches, one stretch from the first to the last reads fewer rows
// than a statement that long would cost.
const maxStretches = 16;

/** Overlapping stretches merged; many become one from the earliest start to the latest end. */
function mergeStretches(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  const first = merged[0];
  const last = merged.at(-1);
  if (merged.length > maxStretches && first && last) return [[first[0], last[1]]];
  return merged;
}
