import type { Db } from "@/db/open-database";
import type { AnnotationRecord, DocumentRecord } from "@/domain/formats/jsonl";
import { goldAnnotatorName, type ExportSource } from "./export-source";

/** A document as stored: its row id (to name files when it has no external id) and its record. */
export type StoredDocument = { id: number; record: DocumentRecord };

const pageSize = 500;

const layerFilter: Record<ExportSource["kind"], string> = {
  all: "a.user_id IS NOT NULL",
  gold: "a.user_id IS NULL",
  annotator: "u.name = @annotator",
};

/**
 * The project's documents in import order with the layers `source` selects, a page at a time, so
 * that an export of any size holds one page in memory. Documents without such a layer come too.
 */
export function* readProjectDocuments(
  db: Db,
  projectId: number,
  source: ExportSource,
): Generator<StoredDocument> {
  const sqlite = db.$client;
  const documents = sqlite.prepare<
    { projectId: number; afterId: number; limit: number },
    { id: number; externalId: string | null; text: string; meta: string }
  >(
    `SELECT id, external_id AS externalId, text, meta FROM documents
      WHERE project_id = @projectId AND id > @afterId ORDER BY id LIMIT @limit`,
  );
  const layers = sqlite.prepare<
    { projectId: number; firstId: number; lastId: number; annotator: string },
    LayerRow
  >(
    `SELECT a.id AS annotationId, a.document_id AS documentId, u.name AS annotator, a.status,
            s.start, s."end", l.name AS label
       FROM annotations a
       JOIN documents d ON d.id = a.document_id
       LEFT JOIN users u ON u.id = a.user_id
       LEFT JOIN spans s ON s.annotation_id = a.id
       LEFT JOIN labels l ON l.id = s.label_id
      WHERE d.project_id = @projectId AND a.document_id BETWEEN @firstId AND @lastId
        AND ${layerFilter[source.kind]}
      ORDER BY a.document_id, u.name, a.id`,
  );
  const annotator = source.kind === "annotator" ? source.name : "";
  let afterId = 0;
  for (;;) {
    const page = documents.all({ projectId, afterId, limit: pageSize });
    const first = page[0];
    const last = page.at(-1);
    if (!first || !last) return;
    const byDocument = groupLayers(
      layers.all({ projectId, firstId: first.id, lastId: last.id, annotator }),
    );
    for (const row of page) {
      yield {
        id: row.id,
        record: {
          id: row.externalId,
          text: row.text,
          meta: JSON.parse(row.meta) as Record<string, unknown>,
          annotations: byDocument.get(row.id) ?? [],
        },
      };
    }
    afterId = last.id;
  }
}

export function countProjectDocuments(db: Db, projectId: number): number {
  const row = db.$client
    .prepare<[number], { n: number }>("SELECT count(*) AS n FROM documents WHERE project_id = ?")
    .get(projectId);
  return row?.n ?? 0;
}

/** A document with more than one annotator's layer, if any: formats holding one layer need a choice. */
export function findDocumentWithSeveralLayers(db: Db, projectId: number) {
  return db.$client
    .prepare<[number], { externalId: string | null; id: number; annotators: string }>(
      `SELECT d.id, d.external_id AS externalId, group_concat(u.name, ', ') AS annotators
         FROM annotations a
         JOIN documents d ON d.id = a.document_id
         JOIN users u ON u.id = a.user_id
        WHERE d.project_id = ?
        GROUP BY d.id HAVING count(*) > 1 LIMIT 1`,
    )
    .get(projectId);
}

type LayerRow = {
  annotationId: number;
  documentId: number;
  annotator: string | null;
  status: AnnotationRecord["status"];
  start: number | null;
  end: number | null;
  label: string | null;
};

function groupLayers(rows: LayerRow[]) {
  const byDocument = new Map<number, AnnotationRecord[]>();
  let current: AnnotationRecord | null = null;
  let currentId = -1;
  for (const row of rows) {
    if (row.annotationId !== currentId) {
      currentId = row.annotationId;
      current = { annotator: row.annotator ?? goldAnnotatorName, status: row.status, spans: [] };
      const list = byDocument.get(row.documentId) ?? [];
      list.push(current);
      byDocument.set(row.documentId, list);
    }
    if (current && row.start !== null && row.end !== null && row.label !== null) {
      current.spans.push({ start: row.start, end: row.end, label: row.label });
    }
  }
  return byDocument;
}
