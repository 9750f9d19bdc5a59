import { and, count, eq, gt, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteSelect } from "drizzle-orm/sqlite-core";
import type { Queryable } from "@/db/open-database";
import { annotations, assignments, documents, type MemberRole } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import { usesAssignments } from "./assignments";
import {
  decodeCursor,
  encodeCursor,
  type Cursor,
  type DocumentListInput,
  type DocumentListQuery,
} from "./document-list-input";
import { describeListedDocuments, listProjectAnnotators } from "./document-list-rows";

export type DocumentListCaller = {
  project: { id: number; blindAnnotation: boolean };
  userId: number;
  role: MemberRole;
};

const previewLength = 120;
// Documents someone worked on without being assigned them follow the assigned ones in a queue.
const afterQueue = Number.MAX_SAFE_INTEGER;

const subjectLayer = alias(annotations, "subject_layer");
const subjectAssignment = alias(assignments, "subject_assignment");

/**
 * One page of a project's documents, found, filtered and sorted in SQL, continued by keyset
 * (the last row's sort key and id), so that page n costs what page 1 does and documents added
 * meanwhile neither repeat nor push others off a page.
 */
export function listDocumentPage(
  db: Queryable,
  caller: DocumentListCaller,
  input: DocumentListInput,
) {
  const { cursor, limit, ...query } = input;
  const scope = { projectId: caller.project.id, userId: caller.userId };
  const seesTeam = caller.role !== "annotator" || !caller.project.blindAnnotation;
  if (caller.role === "annotator" && query.annotatorId && query.annotatorId !== caller.userId) {
    throw new DomainError("FORBIDDEN", "annotators list only their own documents");
  }
  const subject = query.annotatorId ?? caller.userId;
  const inQueue =
    (caller.role === "annotator" || query.annotatorId !== undefined) &&
    usesAssignments(db, caller.project.id);
  const { key, isId } = sortKey(query, inQueue, seesTeam);
  const filters = and(
    eq(documents.projectId, caller.project.id),
    inQueue ? or(isNotNull(subjectAssignment.userId), isNotNull(subjectLayer.id)) : undefined,
    ...filterConditions(query),
  );
  const after = cursor ? decodeCursor(scope, query, cursor) : null;

  // The subject's own layer and assignment, for their status, queue and the assigned filter.
  const joinSubject = <T extends SQLiteSelect>(select: T) =>
    select
      .leftJoin(
        subjectLayer,
        and(eq(subjectLayer.documentId, documents.id), eq(subjectLayer.userId, subject)),
      )
      .leftJoin(
        subjectAssignment,
        and(eq(subjectAssignment.documentId, documents.id), eq(subjectAssignment.userId, subject)),
      );
  const rows = joinSubject(
    db
      .select({
        id: documents.id,
        externalId: documents.externalId,
        preview: sql<string>`substr(${documents.text}, 1, ${previewLength})`,
        key,
      })
      .from(documents)
      .$dynamic(),
  )
    .where(and(filters, after ? startAfter(key, isId, after, query.direction) : undefined))
    .orderBy(...orderBy(key, query))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const last = page.at(-1);

  return {
    items: describeListedDocuments(db, caller, page, seesTeam),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor(scope, query, { key: last.key, id: last.id })
        : null,
    // Counting every match costs a full pass, so only the first page pays it.
    total: after
      ? null
      : (joinSubject(db.select({ n: count() }).from(documents).$dynamic())
          .where(filters)
          .get()?.n ?? 0),
    annotators: seesTeam && !after ? listProjectAnnotators(db, caller.project.id) : [],
    view: {
      ownStatus: caller.role !== "reviewer",
      team: seesTeam,
      gold: caller.role !== "annotator",
    },
  };
}

const statusOrder = sql<number>`CASE coalesce(${subjectLayer.status}, 'not_started')
  WHEN 'not_started' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END`;

/** The value rows are ordered by (then by id); `isId` when that value is the id itself. */
function sortKey(query: DocumentListQuery, inQueue: boolean, seesTeam: boolean) {
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

function orderBy(key: SQL, query: DocumentListQuery) {
  const direction = query.direction === "asc" ? sql`ASC` : sql`DESC`;
  return [sql`${key} ${direction}`, sql`${documents.id} ${direction}`];
}

/** Keyset condition: rows strictly after the cursor in the listing's order. */
function startAfter(key: SQL, isId: boolean, after: Cursor, direction: "asc" | "desc"): SQL {
  // A plain id comparison lets SQLite seek in the index instead of testing every row.
  if (isId) return direction === "asc" ? gt(documents.id, after.id) : lt(documents.id, after.id);
  const operator = direction === "asc" ? sql`>` : sql`<`;
  return sql`(${key}, ${documents.id}) ${operator} (${after.key}, ${after.id})`;
}

function filterConditions(query: DocumentListQuery): (SQL | undefined)[] {
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

const curatedGold = sql`(SELECT 1 FROM ${annotations} WHERE ${annotations.documentId} = ${documents.id}
  AND ${annotations.userId} IS NULL AND ${annotations.status} = 'curated')`;

/**
 * Two or more submitted layers that differ: some span (start, end, label) is missing from at
 * least one of them. Spans are unique per layer, so a span's row count is its number of layers.
 */
const hasDisagreement = sql`(
  (SELECT count(*) FROM annotations a WHERE a.document_id = ${documents.id}
     AND a.user_id IS NOT NULL AND a.status = 'submitted') >= 2
  AND EXISTS (
    SELECT 1 FROM spans s JOIN annotations a ON a.id = s.annotation_id
     WHERE a.document_id = ${documents.id} AND a.user_id IS NOT NULL AND a.status = 'submitted'
     GROUP BY s.start, s."end", s.label_id
    HAVING count(*) < (SELECT count(*) FROM annotations b WHERE b.document_id = ${documents.id}
       AND b.user_id IS NOT NULL AND b.status = 'submitted')))`;
