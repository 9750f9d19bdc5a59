import { and, count, eq, isNotNull, or } from "drizzle-orm";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import type { Queryable } from "@/db/open-database";
import { documents } from "@/db/schema";
import type { Capabilities } from "@/domain/permissions";
import { DomainError } from "@/domain/errors";
import { usesAssignments } from "./assignments";
import { decodeCursor, encodeCursor, type DocumentListInput } from "./document-list-input";
import { describeListedDocuments, listProjectAnnotators } from "./document-list-rows";
import {
  filterConditions,
  orderBy,
  sortKey,
  startAfter,
  subjectAssignment,
  subjectLayer,
} from "./document-list-sql";

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
export function listDocumentPage(
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
  if ((query.disagreement && !seesTeam) || (query.gold && !capabilities.review)) {
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
      : usesAssignments(db, caller.project.id);
  const { key, isId } = sortKey(query, inQueue, seesTeam);
  const narrowing = [
    inQueue ? or(isNotNull(subjectAssignment.userId), isNotNull(subjectLayer.id)) : undefined,
    ...filterConditions(query),
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
  const rows = joinSubject(db.select({ id: documents.id, key }).from(documents).$dynamic())
    .where(and(where, after ? startAfter(key, isId, after, query.order) : undefined))
    .orderBy(...orderBy(key, query.order))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const last = page.at(-1);

  const countMatches = (): { count: number; atLeast: boolean } => {
    if (narrowing.length === 0) {
      const n = db.select({ n: count() }).from(documents).where(where).get()?.n ?? 0;
      return { count: n, atLeast: false };
    }
    const matches = joinSubject(db.select({ id: documents.id }).from(documents).$dynamic())
      .where(where)
      .limit(countedMatches + 1)
      .as("matches");
    const n = db.select({ n: count() }).from(matches).get()?.n ?? 0;
    return { count: Math.min(n, countedMatches), atLeast: n > countedMatches };
  };

  return {
    items: describeListedDocuments(
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
    total: after ? null : countMatches(),
    annotators: seesTeam && !after ? listProjectAnnotators(db, caller.project.id) : [],
    view: {
      ownStatus: capabilities.annotate,
      team: seesTeam,
      gold: capabilities.review,
    },
  };
}
