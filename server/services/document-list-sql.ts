import { gt, isNotNull, lt, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { inByteOrder } from "@/db/byte-order";
import { tablesOf, type Queryable } from "@/db/open-database";
import { largestStoredInteger } from "@/domain/record-id";
import type { Cursor, DocumentListQuery } from "./document-list-input";

/**
 * The tables of a listing on `db` (kept for what differs between databases), with the layer and
 * assignment of the annotator whose status and queue it reads (its `annotatorId`, or the caller).
 */
export type ListingTables = ReturnType<typeof listingTables>;

export function listingTables(db: Queryable) {
  const tables = tablesOf(db);
  return {
    ...tables,
    subjectLayer: alias(tables.annotations, "subject_layer"),
    subjectAssignment: alias(tables.assignments, "subject_assignment"),
    db,
  };
}

// Documents someone worked on without being assigned them follow the assigned ones in a queue:
// the largest value of an integer column, as PostgreSQL types the coalesce by position.
const afterQueue = largestStoredInteger;

/** The value rows are ordered by (then by id); `isId` when that value is the id itself. */
export function sortKey(
  t: ListingTables,
  query: DocumentListQuery,
  inQueue: boolean,
  seesTeam: boolean,
) {
  const key = (value: SQL, isId = false) => ({ key: value as SQL<string | number>, isId });
  switch (query.sort) {
    case "position":
      return inQueue
        ? key(sql`coalesce(${t.subjectAssignment.position}, ${afterQueue})`)
        : key(sql`${t.documents.id}`, true);
    case "name":
      return key(inByteOrder(t.db, sql`coalesce(${t.documents.externalId}, '')`));
    case "status":
      return key(sql`CASE coalesce(${t.subjectLayer.status}, 'not_started')
        WHEN 'not_started' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END`);
    case "updated":
      return key(lastChange(t, seesTeam));
  }
}

/** The last change the caller may see: any layer for the team's view, else their own. */
function lastChange({ annotations, documents, subjectLayer }: ListingTables, seesTeam: boolean) {
  return seesTeam
    ? sql`coalesce((SELECT max(${annotations.updatedAt}) FROM ${annotations}
        WHERE ${annotations.documentId} = ${documents.id}), ${documents.createdAt})`
    : sql`coalesce(${subjectLayer.updatedAt}, ${documents.createdAt})`;
}

export function orderBy({ documents }: ListingTables, key: SQL, order: "asc" | "desc") {
  const keyword = order === "asc" ? sql`ASC` : sql`DESC`;
  return [sql`${key} ${keyword}`, sql`${documents.id} ${keyword}`];
}

/**
 * Keyset condition: rows strictly after the cursor in the listing's order. A cursor's key is the
 * value the database gave for the row (a timestamp as PostgreSQL writes it), read back the same.
 */
export function startAfter(
  { documents }: ListingTables,
  { key, isId }: { key: SQL; isId: boolean },
  after: Cursor,
  order: "asc" | "desc",
): SQL {
  // A plain id comparison lets SQLite seek in the index instead of testing every row.
  if (isId) return order === "asc" ? gt(documents.id, after.id) : lt(documents.id, after.id);
  const operator = order === "asc" ? sql`>` : sql`<`;
  return sql`(${key}, ${documents.id}) ${operator} (${after.key}, ${after.id})`;
}

export function filterConditions(t: ListingTables, query: DocumentListQuery): (SQL | undefined)[] {
  return [
    query.search ? matchesSearch(t, query.search) : undefined,
    query.status
      ? sql`coalesce(${t.subjectLayer.status}, 'not_started') = ${query.status}`
      : undefined,
    query.assigned ? isNotNull(t.subjectAssignment.userId) : undefined,
    query.gold === "curated" ? sql`EXISTS ${curatedGold(t)}` : undefined,
    query.gold === "uncurated" ? sql`NOT EXISTS ${curatedGold(t)}` : undefined,
    query.disagreement ? hasDisagreement(t) : undefined,
    query.documentLabel === undefined
      ? undefined
      : chosenDocumentLabel(t, query.documentLabel, query.documentLabelIn ?? "layer"),
  ];
}

/** The subject's layer (or gold) chose the document label `optionId`. */
function chosenDocumentLabel(t: ListingTables, optionId: number, layer: "layer" | "gold") {
  const { documentChoices } = t;
  if (layer === "layer") {
    return sql`EXISTS (SELECT 1 FROM ${documentChoices}
      WHERE ${documentChoices.annotationId} = ${t.subjectLayer.id}
        AND ${documentChoices.optionId} = ${optionId})`;
  }
  const gold = aliasOf(t, "chosen_gold");
  return sql`EXISTS (SELECT 1 FROM ${documentChoices}
    JOIN ${gold.from} ON ${gold.table.id} = ${documentChoices.annotationId}
    WHERE ${gold.table.documentId} = ${t.documents.id} AND ${gold.table.userId} IS NULL
      AND ${documentChoices.optionId} = ${optionId})`;
}

/**
 * External id or text containing the words as typed (LIKE, case-insensitive for ASCII: SQLite's
 * lower() changes only ASCII letters), or the document number itself ("#12"). A full-text index
 * (FTS5, trigram) would avoid reading every text on large projects; LIKE keeps substring matches
 * exact and needs no second copy of texts.
 */
function matchesSearch({ documents }: ListingTables, search: string): SQL {
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const digits = /^#?(\d{1,15})$/.exec(search)?.[1];
  const id = digits === undefined ? null : Number(digits);
  // PostgreSQL's LIKE tells letter case apart; SQLite's does not, for ASCII.
  const like = (column: SQLWrapper) => sql`lower(${column}) LIKE lower(${pattern}) ESCAPE '\\'`;
  return sql`(${like(documents.externalId)} OR ${like(documents.text)}
    ${id !== null && id <= largestStoredInteger ? sql`OR ${documents.id} = ${id}` : sql``})`;
}

// Inside raw SQL an alias renders as its name only, so FROM names the table it stands for.
const aliasOf = ({ annotations }: ListingTables, name: string) => ({
  table: alias(annotations, name),
  from: sql`${annotations} ${sql.identifier(name)}`,
});

function curatedGold(t: ListingTables) {
  const gold = aliasOf(t, "gold_layer");
  return sql`(SELECT 1 FROM ${gold.from} WHERE ${gold.table.documentId} = ${t.documents.id}
    AND ${gold.table.userId} IS NULL AND ${gold.table.status} = 'curated')`;
}

const submittedLayers = ({ documents }: ListingTables, { table }: ReturnType<typeof aliasOf>) =>
  sql`${table.documentId} = ${documents.id} AND ${table.userId} IS NOT NULL
    AND ${table.status} = 'submitted'`;

/**
 * Two or more submitted layers that differ: some span (start, end, label) is missing from at
 * least one of them. Spans are unique per layer, so a span's row count is its number of layers.
 */
function hasDisagreement(t: ListingTables) {
  const counted = aliasOf(t, "counted_layer");
  const layer = aliasOf(t, "submitted_layer");
  const submittedCount = sql`(SELECT count(*) FROM ${counted.from}
    WHERE ${submittedLayers(t, counted)})`;
  return sql`(${submittedCount} >= 2 AND EXISTS (
    SELECT 1 FROM ${t.spans} JOIN ${layer.from} ON ${layer.table.id} = ${t.spans.annotationId}
     WHERE ${submittedLayers(t, layer)}
     GROUP BY ${t.spans.start}, ${t.spans.end}, ${t.spans.labelId}
    HAVING count(*) < ${submittedCount}))`;
}
