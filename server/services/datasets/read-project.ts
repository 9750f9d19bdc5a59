import type { Db } from "@/db/open-database";
import type { AnnotationRecord } from "@/domain/formats/jsonl";
import type { StoredDocument } from "@/domain/formats/writers/export-format";
import { normalizeSpans } from "@/domain/spans";
import { goldAnnotatorName, type ExportSource } from "./export-source";

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
  // One row per layer, its spans packed as JSON by SQLite: a row per span would cost a JavaScript
  // object each, which is most of an export's time.
  const layers = sqlite.prepare<
    { projectId: number; firstId: number; lastId: number; annotator: string },
    LayerRow
  >(
    `SELECT a.document_id AS documentId, u.name AS annotator, a.status,
            (SELECT json_group_array(json_array(s.start, s."end", s.label_id))
               FROM spans s WHERE s.annotation_id = a.id) AS spans
       FROM annotations a
       -- CROSS JOIN keeps SQLite from starting at the project's documents: a page reads its own
       -- annotations through their document_id index, not every document of the project.
       CROSS JOIN documents d ON d.id = a.document_id
       LEFT JOIN users u ON u.id = a.user_id
      WHERE d.project_id = @projectId AND a.document_id BETWEEN @firstId AND @lastId
        AND ${layerFilter[source.kind]}
      ORDER BY a.document_id, u.name, a.id`,
  );
  const labelNames = new Map(
    sqlite
      .prepare<[number], { id: number; name: string }>(
        "SELECT id, name FROM labels WHERE project_id = ?",
      )
      .all(projectId)
      .map((label) => [label.id, label.name]),
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
      labelNames,
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
  documentId: number;
  annotator: string | null;
  status: AnnotationRecord["status"];
  /** `[[start, end, labelId], ...]` */
  spans: string;
};

function groupLayers(rows: LayerRow[], labelNames: Map<number, string>) {
  const byDocument = new Map<number, AnnotationRecord[]>();
  for (const row of rows) {
    const spans = (JSON.parse(row.spans) as [number, number, number][]).map(
      ([start, end, labelId]) => ({ start, end, label: labelNames.get(labelId) ?? "" }),
    );
    const layer = {
      annotator: row.annotator ?? goldAnnotatorName,
      status: row.status,
      spans: normalizeSpans(spans),
    };
    const list = byDocument.get(row.documentId) ?? [];
    list.push(layer);
    byDocument.set(row.documentId, list);
  }
  return byDocument;
}
