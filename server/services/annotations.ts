import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/open-database";
import { annotations, labels, spans } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import { findSpanProblem, spansOverlap } from "@/domain/spans";
import { assertCanAnnotate, getDocumentForMember } from "./access";

type SpanInput = {
  documentId: number;
  userId: number;
  start: number;
  end: number;
  labelId: number;
};

/** Adds a span to the user's own annotation of a document; an identical span is kept once. */
export function addSpan(db: Db, input: SpanInput) {
  return db.transaction((tx) => {
    const { document, project, role } = getDocumentForMember(tx, input.documentId, input.userId);
    assertCanAnnotate(role);
    const problem = findSpanProblem(document.text, input.start, input.end);
    if (problem)
      throw new DomainError("BAD_REQUEST", `span ${input.start}-${input.end}: ${problem}`);
    assertLabelInProject(tx, input.labelId, project.id);

    const annotationId = ensureAnnotation(tx, input.documentId, input.userId);
    if (!project.allowOverlap) {
      const clash = tx
        .select({ start: spans.start, end: spans.end })
        .from(spans)
        .where(eq(spans.annotationId, annotationId))
        .all()
        .find((other) => spansOverlap(other, input));
      if (clash) {
        throw new DomainError(
          "BAD_REQUEST",
          `span ${input.start}-${input.end} overlaps span ${clash.start}-${clash.end}, and this project does not allow overlapping spans`,
        );
      }
    }
    tx.insert(spans)
      .values({ annotationId, start: input.start, end: input.end, labelId: input.labelId })
      .onConflictDoNothing()
      .run();
    const span = tx
      .select({ id: spans.id, start: spans.start, end: spans.end, labelId: spans.labelId })
      .from(spans)
      .where(
        and(
          eq(spans.annotationId, annotationId),
          eq(spans.start, input.start),
          eq(spans.end, input.end),
          eq(spans.labelId, input.labelId),
        ),
      )
      .get();
    if (!span) throw new Error("span vanished right after insertion");
    return { span, version: bumpVersion(tx, annotationId) };
  });
}

export function relabelSpan(db: Db, input: { spanId: number; userId: number; labelId: number }) {
  return db.transaction((tx) => {
    const owned = getOwnSpan(tx, input.spanId, input.userId);
    assertLabelInProject(tx, input.labelId, owned.projectId);
    const twin = tx
      .select({ id: spans.id })
      .from(spans)
      .where(
        and(
          eq(spans.annotationId, owned.annotationId),
          eq(spans.start, owned.start),
          eq(spans.end, owned.end),
          eq(spans.labelId, input.labelId),
        ),
      )
      .get();
    // Relabelling onto an identical span merges the two, since a user's spans form a set.
    if (twin && twin.id !== owned.id) tx.delete(spans).where(eq(spans.id, owned.id)).run();
    else tx.update(spans).set({ labelId: input.labelId }).where(eq(spans.id, owned.id)).run();
    return {
      span: {
        id: twin?.id ?? owned.id,
        start: owned.start,
        end: owned.end,
        labelId: input.labelId,
      },
      version: bumpVersion(tx, owned.annotationId),
    };
  });
}

export function deleteSpan(db: Db, input: { spanId: number; userId: number }) {
  return db.transaction((tx) => {
    const owned = getOwnSpan(tx, input.spanId, input.userId);
    tx.delete(spans).where(eq(spans.id, owned.id)).run();
    return { version: bumpVersion(tx, owned.annotationId) };
  });
}

export function submitAnnotation(db: Db, input: { documentId: number; userId: number }) {
  return db.transaction((tx) => {
    const { role } = getDocumentForMember(tx, input.documentId, input.userId);
    assertCanAnnotate(role);
    const annotationId = ensureAnnotation(tx, input.documentId, input.userId);
    tx.update(annotations)
      .set({ status: "submitted" })
      .where(eq(annotations.id, annotationId))
      .run();
    return { status: "submitted" as const, version: bumpVersion(tx, annotationId) };
  });
}

function ensureAnnotation(tx: Tx, documentId: number, userId: number): number {
  tx.insert(annotations).values({ documentId, userId }).onConflictDoNothing().run();
  const row = tx
    .select({ id: annotations.id })
    .from(annotations)
    .where(and(eq(annotations.documentId, documentId), eq(annotations.userId, userId)))
    .get();
  if (!row) throw new Error("annotation vanished right after insertion");
  return row.id;
}

function bumpVersion(tx: Tx, annotationId: number): number {
  const row = tx
    .update(annotations)
    .set({ version: sql`${annotations.version} + 1`, updatedAt: new Date() })
    .where(eq(annotations.id, annotationId))
    .returning({ version: annotations.version })
    .get();
  return row?.version ?? 0;
}

function assertLabelInProject(tx: Tx, labelId: number, projectId: number) {
  const label = tx
    .select({ id: labels.id })
    .from(labels)
    .where(and(eq(labels.id, labelId), eq(labels.projectId, projectId)))
    .get();
  if (!label)
    throw new DomainError("BAD_REQUEST", `label ${labelId} does not belong to this project`);
}

/** A span of the user's own annotation; other people's spans are never theirs to change. */
function getOwnSpan(tx: Tx, spanId: number, userId: number) {
  const row = tx
    .select({
      id: spans.id,
      start: spans.start,
      end: spans.end,
      annotationId: spans.annotationId,
      documentId: annotations.documentId,
      ownerId: annotations.userId,
    })
    .from(spans)
    .innerJoin(annotations, eq(annotations.id, spans.annotationId))
    .where(eq(spans.id, spanId))
    .get();
  if (!row || row.ownerId !== userId) throw new DomainError("NOT_FOUND", `no span ${spanId}`);
  const { project, role } = getDocumentForMember(tx, row.documentId, userId);
  assertCanAnnotate(role);
  return { ...row, projectId: project.id };
}
