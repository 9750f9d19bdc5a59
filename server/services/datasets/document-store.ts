import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/open-database";
import { prepareRun } from "@/db/prepare-run";
import {
  annotations,
  documents,
  labels,
  memberships,
  spans,
  users,
  type AnnotationStatus,
} from "@/db/schema";
import type { AnnotationRecord, DocumentRecord } from "@/domain/formats/jsonl";
import { defaultLabelColor, defaultLabelHotkey } from "@/domain/labels";
import { createLabel } from "../labels";

const at = sql.placeholder;

/**
 * The writes of an import, as prepared statements on the connection's open transaction: an import
 * inserts rows by the hundred thousand, where building each query anew would cost more than
 * SQLite's own work. The three inserts of every document bind by position (see prepareRun).
 *
 * Given a staging project (see import-staging.ts), the store checks ids and labels against the
 * project but writes documents, replacements and new labels into the staging project, and leaves
 * memberships to the publishing: until then, the project looks as it was.
 */
export function createDocumentStore(db: Db, projectId: number, stagingProjectId?: number) {
  const writeProjectId = stagingProjectId ?? projectId;
  const statements = {
    findDocument: db
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.projectId, projectId), eq(documents.externalId, at("externalId"))))
      .prepare(),
    insertDocument: prepareRun<{ externalId: string | null; text: string; meta: string }>(
      db,
      db.insert(documents).values({
        projectId: writeProjectId,
        externalId: at("externalId"),
        text: at("text"),
        meta: at("meta"),
      }),
    ),
    updateDocument: db
      .update(documents)
      // The types take no placeholder in set(): wrapped in sql, meta is stored as given (JSON text).
      .set({ text: sql`${at("text")}`, meta: sql`${at("meta")}` })
      .where(eq(documents.id, at("documentId")))
      .prepare(),
    deleteAnnotations: db
      .delete(annotations)
      .where(eq(annotations.documentId, at("documentId")))
      .prepare(),
    insertAnnotation: prepareRun<{ documentId: number; userId: number; status: AnnotationStatus }>(
      db,
      db
        .insert(annotations)
        .values({ documentId: at("documentId"), userId: at("userId"), status: at("status") }),
    ),
    insertSpan: prepareRun<{
      annotationId: number | bigint;
      start: number;
      end: number;
      labelId?: number;
    }>(
      db,
      db.insert(spans).values({
        annotationId: at("annotationId"),
        start: at("start"),
        end: at("end"),
        labelId: at("labelId"),
      }),
    ),
    findUser: db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.name, at("name")))
      .prepare(),
    insertUser: db
      .insert(users)
      .values({ name: at("name") })
      .prepare(),
    // An annotator already in the project keeps their role.
    addAnnotator: db
      .insert(memberships)
      .values({ projectId, userId: at("userId"), role: "annotator" })
      .onConflictDoNothing()
      .prepare(),
  };
  const userIds = new Map<string, number>();
  const createdUserIds: number[] = [];
  const labelRows = db
    .select({ id: labels.id, name: labels.name, hotkey: labels.hotkey })
    .from(labels)
    .where(eq(labels.projectId, projectId))
    .orderBy(asc(labels.position))
    .all();
  const labelIds = new Map(labelRows.map((label) => [label.name, label.id]));
  const hotkeys = new Set(labelRows.map((label) => label.hotkey));

  const userIdOf = (name: string) => {
    let id = userIds.get(name) ?? statements.findUser.get({ name })?.id;
    if (id === undefined) {
      id = Number(statements.insertUser.run({ name }).lastInsertRowid);
      createdUserIds.push(id);
    }
    if (!userIds.has(name) && stagingProjectId === undefined) {
      statements.addAnnotator.run({ userId: id });
    }
    userIds.set(name, id);
    return id;
  };

  const insertAnnotations = (documentId: number, records: AnnotationRecord[]) => {
    for (const annotation of records) {
      const userId = userIdOf(annotation.annotator);
      const annotationId = statements.insertAnnotation({
        documentId,
        userId,
        status: annotation.status,
      }).lastInsertRowid;
      for (const span of annotation.spans) {
        statements.insertSpan({
          annotationId,
          start: span.start,
          end: span.end,
          labelId: labelIds.get(span.label),
        });
      }
    }
  };

  return {
    /** The annotators the documents name, as accounts (created as needed). */
    annotatorIds: () => userIds.values(),
    /** The accounts the store created for annotators it did not know. */
    createdUserIds: () => [...createdUserIds],
    /** The project's labels, by name. */
    labelNames: () => new Set(labelIds.keys()),
    /** A label the file uses and the project lacks, given the next digit key still free. */
    createLabel(name: string) {
      const hotkey = defaultLabelHotkey(labelIds.size);
      const free = hotkey !== null && !hotkeys.has(hotkey) ? hotkey : null;
      hotkeys.add(free);
      // The colour it would get as the project's next label, which it becomes when published.
      const color = defaultLabelColor(labelIds.size);
      labelIds.set(name, createLabel(db, writeProjectId, { name, hotkey: free, color }).id);
    },
    findDocument: (externalId: string) => statements.findDocument.get({ externalId })?.id,
    insert(record: DocumentRecord) {
      const documentId = Number(
        statements.insertDocument({
          externalId: record.id,
          text: record.text,
          meta: JSON.stringify(record.meta),
        }).lastInsertRowid,
      );
      insertAnnotations(documentId, record.annotations);
    },
    /** The document's text, meta and every layer (gold too) become the file's. */
    replace(documentId: number, record: DocumentRecord) {
      if (stagingProjectId !== undefined) return this.insert(record);
      statements.updateDocument.run({
        documentId,
        text: record.text,
        meta: JSON.stringify(record.meta),
      });
      statements.deleteAnnotations.run({ documentId });
      insertAnnotations(documentId, record.annotations);
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
