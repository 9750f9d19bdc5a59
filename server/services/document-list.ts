import { and, count, eq, isNotNull, or } from "drizzle-orm";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import type { Queryable } from "@/db/open-database";
import type { Capabilities } from "@/domain/permissions";
import { DomainError } from "@/domain/errors";
import { usesAssignments } from "./assignments";
import { decodeCursor, encodeCursor, type DocumentListInput } from "./document-list-input";
import { describeListedDocuments, listProjectAnnotators } from "./document-list-rows";
import { filterConditions, listingTables, orderBy, sortKey, startAfter } from "./document-list-sql";

export type DocumentListCaller = {
  project: { id: number };
  userId: number;
  capabilities: Capabilities;
};

/** Counting every match of a filter reads every document; past this many, "at least" will do. */
export const countedMatches = 10_000;

/**
 * One page of a project's documents, found, filtered and sorted in SQL, continued by keyset
 * (the last row's sort key and id), so that page n costs what page 1 does and documents added
 * meanwhile neither repeat nor push others off a page. (A document whose status or last change
 * moves while someone pages by that sort moves in the listing too, as in any live listing.)
 * Sorting carries ids and keys only; the page's texts and statuses are read for its rows after.
 */
export async function listDocumentPage(
  db: Queryable,
  caller: DocumentListCaller,
  input: DocumentListInput,
) {
  const { cursor, limit, ...query } = input;
  const scope = { projectId: caller.project.id, userId: caller.userId };
  const { capabilities } = caller;
  // Others' statuses are their progress: shown exactly where progress is.
  const seesTeam = capabilities.seeProgress;
  if (!capabilities.review && query.annotatorId && query.annotatorId !== caller.userId) {
    throw new DomainError("FORBIDDEN", "annotators list only their own documents");
  }
  // Whether others disagree, or gold is settled, tells about work an annotator may not see.
  const goldFilter = query.gold || (query.documentLabel && query.documentLabelIn === "gold");
  if ((query.disagreement && !seesTeam) || (goldFilter && !capabilities.review)) {
    throw new DomainError(
      "FORBIDDEN",
      "only reviewers and owners can filter by gold or disagreement",
    );
  }
  const subject = query.annotatorId ?? caller.userId;
  // Where work is handed out, an annotator's list is their queue: assigned, or worked on.
  const inQueue =
    query.annotatorId === undefined
      ? capabilities.documents === "queue"
      : await usesAssignments(db, caller.project.id);
  const t = listingTables(db);
  const { documents, subjectAssignment, subjectLayer } = t;
  const sort = sortKey(t, query, inQueue, seesTeam);
  const narrowing = [
    inQueue ? or(isNotNull(subjectAssignment.userId), isNotNull(subjectLayer.id)) : undefined,
    ...filterConditions(t, query),
  ].filter((condition) => condition !== undefined);
  const where = and(eq(documents.projectId, caller.project.id), ...narrowing);
  const after = cursor ? decodeCursor(scope, query, cursor) : null;

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
  const rows = await joinSubject(
    db.select({ id: documents.id, key: sort.key }).from(documents).$dynamic(),
  )
    .where(and(where, after ? startAfter(t, sort, after, query.order) : undefined))
    .orderBy(...orderBy(t, sort.key, query.order))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);

  const countMatches = async (): Promise<{ count: number; atLeast: boolean }> => {
    if (narrowing.length === 0) return { count: await db.$count(documents, where), atLeast: false };
    const matches = joinSubject(db.select({ id: documents.id }).from(documents).$dynamic())
      .where(where)
      .limit(countedMatches + 1)
      .as("matches");
    const [row] = await db.select({ n: count() }).from(matches);
    const n = row?.n ?? 0;
    return { count: Math.min(n, countedMatches), atLeast: n > countedMatches };
  };

  return {
    items: await describeListedDocuments(
      db,
      caller,
      page.map((row) => row.id),
      seesTeam,
    ),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor(scope, query, { key: last.key, id: last.id })
        : null,
    // Only the first page pays for counting.
    total: after ? null : await countMatches(),
    annotators: seesTeam && !after ? await listProjectAnnotators(db, caller.project.id) : [],
    view: {
      ownStatus: capabilities.annotate,
      team: seesTeam,
      gold: capabilities.review,
    },
  };
}
