import { gt, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { annotations, assignments, documents, spans } from "@/db/schema";
import type { Cursor, DocumentListQuery } from "./document-list-input";

/** The annotator whose status and queue a listing reads: its `annotatorId`, or the caller. */
export const subjectLayer = alias(annotations, "subject_layer");
export const subjectAssignment = alias(assignments, "subject_assignment");

// Documents someone worked on without being assigned them follow the assigned ones in a queue.
const afterQueue = Number.MAX_SAFE_INTEGER;

const statusOrder = sql<number>`CASE coalesce(${subjectLayer.status}, 'not_started')
  WHEN 'not_started' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END`;

/** The value rows are ordered by (then by id); `isId` when that value is the id itself. */
export function sortKey(query: DocumentListQuery, inQueue: boolean, seesTeam: boolean) {
  const key = (value: SQL, isId = false) => ({ key: value as SQL<string | number>, isId });
  switch (query.sort) {
    case "position":
      return inQueue
        ? key(sql`coalesce(${subjectAssignment.position}, ${afterQueue})`)
        : key(sql`${documents.id}`, true);
    case "name":
      return key(sql`coalesce(${documents.externalId}, '')`);
    case "status":
      return key(statusOrder);
    case "updated":
      // The last change the caller may see: any layer for the team's view, else their own.
      return key(
        seesTeam
          ? sql`coalesce((SELECT max(${annotations.updatedAt}) FROM ${annotations}
              WHERE ${annotations.documentId} = ${documents.id}), ${documents.createdAt})`
          : sql`coalesce(${subjectLayer.updatedAt}, ${documents.createdAt})`,
      );
  }
}

export function orderBy(key: SQL, order: "asc" | "desc") {
  const keyword = order === "asc" ? sql`ASC` : sql`DESC`;
  return [sql`${key} ${keyword}`, sql`${documents.id} ${keyword}`];
}

/** Keyset condition: rows strictly after the cursor in the listing's order. */
export function startAfter(key: SQL, isId: boolean, after: Cursor, order: "asc" | "desc"): SQL {
  // A plain id comparison lets SQLite seek in the index instead of testing every row.
  if (isId) return order === "asc" ? gt(documents.id, after.id) : lt(documents.id, after.id);
  const operator = order === "asc" ? sql`>` : sql`<`;
  return sql`(${key}, ${documents.id}) ${operator} (${after.key}, ${after.id})`;
}

export function filterConditions(query: DocumentListQuery): (SQL | undefined)[] {
  return [
    query.search ? matchesSearch(query.search) : undefined,
    query.status
      ? sql`coalesce(${subjectLayer.status}, 'not_started') = ${query.status}`
      : undefined,
    query.assigned ? isNotNull(subjectAssignment.userId) : undefined,
    query.gold === "curated" ? sql`EXISTS ${curatedGold}` : undefined,
    query.gold === "uncurated" ? sql`NOT EXISTS ${curatedGold}` : undefined,
    query.disagreement ? hasDisagreement : undefined,
  ];
}

/**
 * External id or text containing the words as typed (LIKE, case-insensitive for ASCII), or the
 * document number itself ("#12"). A full-text index (FTS5, trigram) would avoid reading every
 * text on large projects; LIKE keeps substring matches exact and needs no second copy of texts.
 */
function matchesSearch(search: string): SQL {
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const number = /^#?(\d{1,15})$/.exec(search)?.[1];
  return sql`(${documents.externalId} LIKE ${pattern} ESCAPE '\\'
    OR ${documents.text} LIKE ${pattern} ESCAPE '\\'
    ${number ? sql`OR ${documents.id} = ${Number(number)}` : sql``})`;
}

// Inside raw SQL an alias renders as its name only, so FROM names the table it stands for.
const aliasOf = (name: string) => ({
  table: alias(annotations, name),
  from: sql`${annotations} ${sql.identifier(name)}`,
});

const gold = aliasOf("gold_layer");
const curatedGold = sql`(SELECT 1 FROM ${gold.from} WHERE ${gold.table.documentId} = ${documents.id}
  AND ${gold.table.userId} IS NULL AND ${gold.table.status} = 'curated')`;

const submittedLayers = ({ table }: ReturnType<typeof aliasOf>) =>
  sql`${table.documentId} = ${documents.id} AND ${table.userId} IS NOT NULL
    AND ${table.status} = 'submitted'`;
const counted = aliasOf("counted_layer");
const submittedCount = sql`(SELECT count(*) FROM ${counted.from} WHERE ${submittedLayers(counted)})`;
const layer = aliasOf("submitted_layer");

/**
 * Two or more submitted layers that differ: some span (start, end, label) is missing from at
 * least one of them. Spans are unique per layer, so a span's row count is its number of layers.
 */
const hasDisagreement = sql`(${submittedCount} >= 2 AND EXISTS (
  SELECT 1 FROM ${spans} JOIN ${layer.from} ON ${layer.table.id} = ${spans.annotationId}
   WHERE ${submittedLayers(layer)}
   GROUP BY ${spans.start}, ${spans.end}, ${spans.labelId}
  HAVING count(*) < ${submittedCount}))`;
