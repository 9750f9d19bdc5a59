import { and, asc, between, eq, exists, gt, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { jsonArrayAgg } from "@/db/json-array-agg";
import { tablesOf, type Queryable, type Tables } from "@/db/open-database";
import type { AnnotationRecord } from "@/domain/formats/jsonl";
import type { StoredDocument } from "@/domain/formats/writers/export-format";
import type { DocumentLabels, RecordRelation, RecordSpan } from "@/domain/formats/record-details";
import { normalizeSpans } from "@/domain/spans";
import { goldAnnotatorName, type ExportSource } from "./export-source";
import { readPageDetails, type PageDetails } from "./read-layer-details";

const pageSize = 500;

/**
 * The condition on `annotations` that picks the layers `source` exports; null when no layer can
 * match (an annotator unknown to the database). Gold counts once curated, unless asked otherwise.
 */
export async function layersOf(db: Queryable, source: ExportSource): Promise<SQL | null> {
  const { annotations, users } = tablesOf(db);
  if (source.kind === "all") return isNotNull(annotations.userId);
  if (source.kind === "gold") {
    const gold = isNull(annotations.userId);
    return source.includeUncurated ? gold : (and(gold, eq(annotations.status, "curated")) ?? gold);
  }
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.name, source.name));
  return user ? eq(annotations.userId, user.id) : null;
}

/**
 * The project's documents in import order with the layers `source` selects, a page at a time, so
 * that an export of any size holds one page in memory. With every annotator's work, documents
 * nobody annotated come too (a text to annotate); gold and one annotator's exports hold only the
 * documents that have such a layer, never an empty one that would read as "no entities here".
 */
export async function* readProjectPages(
  db: Queryable,
  projectId: number,
  source: ExportSource,
): AsyncGenerator<StoredDocument[]> {
  const layers = await layersOf(db, source);
  if (!layers) return;
  const tables = tablesOf(db);
  const { labels } = tables;
  const labelRows = await db
    .select({ id: labels.id, name: labels.name })
    .from(labels)
    .where(eq(labels.projectId, projectId));
  const labelNames = new Map(labelRows.map((label) => [label.id, label.name]));
  let afterId = 0;
  for (;;) {
    const rows = await readPage(db, tables, { projectId, afterId, layers, source });
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) return;
    const pageOf = { projectId, layers, first, last };
    const layerRows = await readPageLayers(db, tables, pageOf);
    const details = await readPageDetails(db, tables, pageOf);
    const byDocument = groupLayers(layerRows, labelNames, details);
    yield rows.map((row) => ({
      id: row.id,
      record: {
        id: row.externalId,
        text: row.text,
        meta: row.meta,
        annotations: byDocument.get(row.id) ?? [],
      },
    }));
    afterId = last.id;
  }
}

/** The documents of readProjectPages one by one. */
export async function* readProjectDocuments(
  db: Queryable,
  projectId: number,
  source: ExportSource,
): AsyncGenerator<StoredDocument> {
  for await (const page of readProjectPages(db, projectId, source)) yield* page;
}

function readPage(
  db: Queryable,
  { annotations, documents }: Tables,
  page: { projectId: number; afterId: number; layers: SQL; source: ExportSource },
) {
  const hasLayer = exists(
    db
      .select({ one: sql`1` })
      .from(annotations)
      .where(and(eq(annotations.documentId, documents.id), page.layers)),
  );
  return db
    .select({
      id: documents.id,
      externalId: documents.externalId,
      text: documents.text,
      meta: documents.meta,
    })
    .from(documents)
    .where(
      and(
        eq(documents.projectId, page.projectId),
        gt(documents.id, page.afterId),
        page.source.kind === "all" ? undefined : hasLayer,
      ),
    )
    .orderBy(asc(documents.id))
    .limit(pageSize);
}

/**
 * One row per layer, its spans packed as JSON by the database: a row per span would cost a
 * JavaScript object each, which is most of an export's time.
 */
async function readPageLayers(
  db: Queryable,
  { annotations, documents, spans, users }: Tables,
  page: { projectId: number; layers: SQL; first: { id: number }; last: { id: number } },
): Promise<LayerRow[]> {
  const packed = db
    .select({ spans: jsonArrayAgg(db, [spans.start, spans.end, spans.labelId, spans.id]) })
    .from(spans)
    .where(eq(spans.annotationId, annotations.id));
  return (
    db
      .select({
        id: annotations.id,
        documentId: annotations.documentId,
        annotator: users.name,
        status: annotations.status,
        spans: sql<string>`${packed}`,
      })
      .from(annotations)
      // CROSS JOIN keeps SQLite from starting at the project's documents: a page reads its own
      // annotations through their document_id index, not every document of the project.
      .crossJoin(documents)
      .leftJoin(users, eq(users.id, annotations.userId))
      .where(
        and(
          eq(documents.id, annotations.documentId),
          eq(documents.projectId, page.projectId),
          between(annotations.documentId, page.first.id, page.last.id),
          page.layers,
        ),
      )
      .orderBy(asc(annotations.documentId), asc(annotations.id))
  );
}

type LayerRow = {
  id: number;
  documentId: number;
  annotator: string | null;
  status: AnnotationRecord["status"];
  /** `[[start, end, labelId, spanId], ...]` */
  spans: string;
};

function groupLayers(rows: LayerRow[], labelNames: Map<number, string>, details: PageDetails) {
  const byDocument = new Map<number, AnnotationRecord[]>();
  for (const row of [...rows].sort(byDocumentThenAnnotator)) {
    const byId = new Map<number, RecordSpan>();
    const spans = (JSON.parse(row.spans) as [number, number, number, number][]).map(
      ([start, end, labelId, id]) => {
        const span: RecordSpan = { start, end, label: labelNames.get(labelId) ?? "" };
        const { attributes, note, fragments } = details.spans.get(id) ?? {};
        if (attributes && Object.keys(attributes).length > 0) span.attributes = attributes;
        if (note) span.note = note;
        if (fragments && fragments.length > 0) span.fragments = fragments;
        byId.set(id, span);
        return span;
      },
    );
    const relations = (details.relations.get(row.id) ?? []).flatMap(
      (relation): RecordRelation[] => {
        const source = byId.get(relation.source);
        const target = byId.get(relation.target);
        if (!source || !target) return [];
        return [
          {
            source: { start: source.start, end: source.end, label: source.label },
            target: { start: target.start, end: target.end, label: target.label },
            type: relation.type,
            ...(relation.directed ? {} : { directed: false }),
          },
        ];
      },
    );
    const documentLabels: DocumentLabels = {};
    for (const choice of details.choices.get(row.id) ?? []) {
      (documentLabels[choice.set] ??= []).push(choice.option);
    }
    const layer: AnnotationRecord = {
      annotator: row.annotator ?? goldAnnotatorName,
      status: row.status,
      spans: normalizeSpans(spans),
      ...(relations.length > 0 ? { relations } : {}),
      ...(Object.keys(documentLabels).length > 0 ? { documentLabels } : {}),
    };
    const list = byDocument.get(row.documentId) ?? [];
    list.push(layer);
    byDocument.set(row.documentId, list);
  }
  return byDocument;
}

/**
 * A document's gold layer first, then its annotators by name, compared here: the databases sort
 * text by their own collations, and NULL at opposite ends.
 */
function byDocumentThenAnnotator(a: LayerRow, b: LayerRow): number {
  if (a.documentId !== b.documentId) return a.documentId - b.documentId;
  if (a.annotator === b.annotator) return 0;
  if (a.annotator === null) return -1;
  if (b.annotator === null) return 1;
  return a.annotator < b.annotator ? -1 : 1;
}
