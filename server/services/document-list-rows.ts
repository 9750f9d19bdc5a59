import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { inByteOrder } from "@/db/byte-order";
import { tablesOf, type Queryable } from "@/db/open-database";
import type { DocumentListCaller } from "./document-list";

const previewLength = 120;

type ListedStatus = "not_started" | "in_progress" | "submitted";
type TeamStatus = { userId: number; name: string; status: ListedStatus; assigned: boolean };

/**
 * What the list shows for one page of documents: the caller's own status and span count, and
 * for those who may see the team, every annotator's status (assigned or having a layer) and the
 * gold layer's. A page's worth of ids, so a few indexed reads whatever the project's size.
 */
export async function describeListedDocuments(
  db: Queryable,
  caller: DocumentListCaller,
  ids: number[],
  seesTeam: boolean,
) {
  const { annotations, assignments, documents, spans, users } = tablesOf(db);
  const texts = new Map(
    (
      await db
        .select({
          id: documents.id,
          externalId: documents.externalId,
          preview: sql<string>`substr(${documents.text}, 1, ${previewLength})`,
        })
        .from(documents)
        .where(inArray(documents.id, ids))
    ).map((row) => [row.id, row]),
  );
  const seesGold = caller.capabilities.review;
  const layers = await db
    .select({
      documentId: annotations.documentId,
      userId: annotations.userId,
      name: users.name,
      status: annotations.status,
      spanCount:
        sql<number>`(SELECT count(*) FROM ${spans} WHERE ${spans.annotationId} = ${annotations.id})`.mapWith(
          Number,
        ),
    })
    .from(annotations)
    .leftJoin(users, eq(users.id, annotations.userId))
    .where(
      and(
        inArray(annotations.documentId, ids),
        seesTeam ? undefined : eq(annotations.userId, caller.userId),
      ),
    );
  const assigned = seesTeam
    ? await db
        .select({
          documentId: assignments.documentId,
          userId: assignments.userId,
          name: users.name,
        })
        .from(assignments)
        .innerJoin(users, eq(users.id, assignments.userId))
        .where(inArray(assignments.documentId, ids))
    : [];
  const choices = await listChoices(db, ids, caller.userId, seesGold);
  const chosen = (documentId: number, userId: number | null) =>
    choices
      .filter((c) => c.documentId === documentId && c.userId === userId)
      .map((c) => c.optionId);

  return ids.map((id) => {
    const row = texts.get(id) ?? { id, externalId: null, preview: "" };
    const own = layers.find((l) => l.documentId === row.id && l.userId === caller.userId);
    const gold = layers.find((l) => l.documentId === row.id && l.userId === null);
    return {
      ...row,
      status: listedStatus(own?.status),
      spanCount: own?.spanCount ?? 0,
      team: seesTeam ? teamOf(row.id, layers, assigned) : [],
      gold: seesGold ? goldStatus(gold?.status) : null,
      // Option ids, in the scheme's order: the caller's own choices, and gold's for reviewers.
      documentLabels: chosen(row.id, caller.userId),
      goldDocumentLabels: seesGold ? chosen(row.id, null) : null,
    };
  });
}

/** The document labels the caller's layers (and, for reviewers, gold) chose on a page's documents. */
function listChoices(db: Queryable, ids: number[], userId: number, seesGold: boolean) {
  const { annotations, documentChoices, documentLabelOptions, documentLabelSets } = tablesOf(db);
  return db
    .select({
      documentId: annotations.documentId,
      userId: annotations.userId,
      optionId: documentChoices.optionId,
    })
    .from(documentChoices)
    .innerJoin(annotations, eq(annotations.id, documentChoices.annotationId))
    .innerJoin(documentLabelOptions, eq(documentLabelOptions.id, documentChoices.optionId))
    .innerJoin(documentLabelSets, eq(documentLabelSets.id, documentLabelOptions.setId))
    .where(
      and(
        inArray(annotations.documentId, ids),
        or(eq(annotations.userId, userId), seesGold ? isNull(annotations.userId) : undefined),
      ),
    )
    .orderBy(asc(documentLabelSets.position), asc(documentLabelOptions.position));
}

function teamOf(
  documentId: number,
  layers: { documentId: number; userId: number | null; name: string | null; status: string }[],
  assigned: { documentId: number; userId: number; name: string }[],
): TeamStatus[] {
  const team = new Map<number, TeamStatus>();
  for (const a of assigned) {
    if (a.documentId !== documentId) continue;
    team.set(a.userId, { userId: a.userId, name: a.name, status: "not_started", assigned: true });
  }
  for (const layer of layers) {
    if (layer.documentId !== documentId || layer.userId === null) continue;
    team.set(layer.userId, {
      userId: layer.userId,
      name: layer.name ?? "",
      status: listedStatus(layer.status),
      assigned: team.has(layer.userId),
    });
  }
  return [...team.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Gold is "none" until a reviewer first curates; then in progress until marked curated. */
function goldStatus(status: string | undefined): "none" | "in_progress" | "curated" {
  return status === "in_progress" || status === "curated" ? status : "none";
}

// An annotator's layer is never "curated" (only gold is); anything else reads as not started.
function listedStatus(status: string | undefined): ListedStatus {
  return status === "in_progress" || status === "submitted" ? status : "not_started";
}

/** Who can be picked in the annotator filter: the members who annotate (owners may too). */
export async function listProjectAnnotators(db: Queryable, projectId: number) {
  const { memberships, users } = tablesOf(db);
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.projectId, projectId), inArray(memberships.role, ["annotator", "owner"])),
    )
    .orderBy(asc(inByteOrder(db, users.name)), asc(users.id));
}
