import type { Db } from "@/db/open-database";
import type { AnnotationRecord, DocumentRecord } from "@/domain/formats/jsonl";
import { defaultLabelHotkey } from "@/domain/labels";
import { createLabel } from "../labels";

/**
 * The writes of an import, as prepared statements on the connection's open transaction: an import
 * inserts rows by the hundred thousand, where building each query anew would cost more than
 * SQLite's own work.
 */
export function createDocumentStore(db: Db, projectId: number) {
  const sqlite = db.$client;
  const statements = {
    findDocument: sqlite.prepare<[number, string], { id: number }>(
      "SELECT id FROM documents WHERE project_id = ? AND external_id = ?",
    ),
    insertDocument: sqlite.prepare(
      "INSERT INTO documents (project_id, external_id, text, meta) VALUES (?, ?, ?, ?)",
    ),
    updateDocument: sqlite.prepare("UPDATE documents SET text = ?, meta = ? WHERE id = ?"),
    deleteAnnotations: sqlite.prepare("DELETE FROM annotations WHERE document_id = ?"),
    insertAnnotation: sqlite.prepare(
      "INSERT INTO annotations (document_id, user_id, status) VALUES (?, ?, ?)",
    ),
    insertSpan: sqlite.prepare(
      'INSERT INTO spans (annotation_id, start, "end", label_id) VALUES (?, ?, ?, ?)',
    ),
    findUser: sqlite.prepare<[string], { id: number }>("SELECT id FROM users WHERE name = ?"),
    insertUser: sqlite.prepare("INSERT INTO users (name) VALUES (?)"),
    // An annotator already in the project keeps their role.
    addAnnotator: sqlite.prepare(
      "INSERT INTO memberships (project_id, user_id, role) VALUES (?, ?, 'annotator') ON CONFLICT DO NOTHING",
    ),
    labels: sqlite.prepare<[number], { id: number; name: string; hotkey: string | null }>(
      "SELECT id, name, hotkey FROM labels WHERE project_id = ? ORDER BY position",
    ),
  };
  const userIds = new Map<string, number>();
  const labelRows = statements.labels.all(projectId);
  const labelIds = new Map(labelRows.map((label) => [label.name, label.id]));
  const hotkeys = new Set(labelRows.map((label) => label.hotkey));

  const userIdOf = (name: string) => {
    let id = userIds.get(name) ?? statements.findUser.get(name)?.id;
    id ??= Number(statements.insertUser.run(name).lastInsertRowid);
    if (!userIds.has(name)) statements.addAnnotator.run(projectId, id);
    userIds.set(name, id);
    return id;
  };

  const insertAnnotations = (documentId: number, annotations: AnnotationRecord[]) => {
    for (const annotation of annotations) {
      const userId = userIdOf(annotation.annotator);
      const annotationId = statements.insertAnnotation.run(
        documentId,
        userId,
        annotation.status,
      ).lastInsertRowid;
      for (const span of annotation.spans) {
        statements.insertSpan.run(annotationId, span.start, span.end, labelIds.get(span.label));
      }
    }
  };

  return {
    /** The project's labels, by name. */
    labelNames: () => new Set(labelIds.keys()),
    /** A label the file uses and the project lacks, given the next digit key still free. */
    createLabel(name: string) {
      const hotkey = defaultLabelHotkey(labelIds.size);
      const free = hotkey !== null && !hotkeys.has(hotkey) ? hotkey : null;
      hotkeys.add(free);
      labelIds.set(name, createLabel(db, projectId, { name, hotkey: free }).id);
    },
    findDocument: (externalId: string) => statements.findDocument.get(projectId, externalId)?.id,
    insert(record: DocumentRecord) {
      const documentId = Number(
        statements.insertDocument.run(
          projectId,
          record.id,
          record.text,
          JSON.stringify(record.meta),
        ).lastInsertRowid,
      );
      insertAnnotations(documentId, record.annotations);
    },
    /** The document's text, meta and every layer (gold too) become the file's. */
    replace(documentId: number, record: DocumentRecord) {
      statements.updateDocument.run(record.text, JSON.stringify(record.meta), documentId);
      statements.deleteAnnotations.run(documentId);
      insertAnnotations(documentId, record.annotations);
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
