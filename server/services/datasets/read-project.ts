import { and, asc, between, eq, exists, gt, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/open-database";
import { annotations, documents, labels, spans, users } from "@/db/schema";
import type { AnnotationRecord } from "@/domain/formats/jsonl";
import type { StoredDocument } from "@/domain/formats/writers/export-format";
import { normalizeSpans } from "@/domain/spans";
import { goldAnnotatorName, type ExportSource } from "./export-source";

const pageSize = 500;
const at = sql.placeholder;

/**
 * The condition on `annotations` that picks the layers `source` exports; null when no layer can
 * match (an annotator unknown to the database). Gold counts once curated, unless asked otherwise.
 */
export function layersOf(db: Db, source: ExportSource): SQL | null {
  if (source.kind === "all") return isNotNull(annotations.userId);
  if (source.kind === "gold") {
    const gold = isNull(annotations.userId);
    return source.includeUncurated ? gold : (and(gold, eq(annotations.status, "curated")) ?? gold);
  }
  const user = db.select({ id: users.id }).from(users).where(eq(users.name, source.name)).get();
  return user ? eq(annotations.userId, user.id) : null;
}

/**
 * The project's documents in import order with the layers `source` selects, a page at a time, so
 * that an export of any size holds one page in memory. With every annotator's work, documents
 * nobody annotated come too (a text to annotate); gold and one annotator's exports hold only the
 * documents that have such a layer, never an empty one that would read as "no entities here".
 */
export function* readProjectDocuments(
  db: Db,
  projectId: number,
  source: ExportSource,
): Generator<StoredDocument> {
  const layers = layersOf(db, source);
  if (!layers) return;
  const hasLayer = exists(
    db
      .select({ one: sql`1` })
      .from(annotations)
      .where(and(eq(annotations.documentId, documents.id), layers)),
  );
  const page = db
    .select({
      id: documents.id,
      externalId: documents.externalId,
      text: documents.text,
      meta: documents.meta,
    })
    .from(documents)
    .where(
      and(
        eq(documents.projectId, projectId),
        gt(documents.id, at("afterId")),
        source.kind === "all" ? undefined : hasLayer,
      ),
    )
    .orderBy(asc(documents.id))
    .limit(pageSize)
    .prepare();
  // One row per layer, its spans packed as JSON by SQLite: a row per span would cost a JavaScript
  // object each, which is most of an export's time.
  const pageLayers = db
    .select({
      documentId: annotations.documentId,
      annotator: users.name,
      status: annotations.status,
      spans: sql<string>`(SELECT json_group_array(json_array(${spans.start}, ${spans.end}, ${spans.labelId})) FROM ${spans} WHERE ${spans.annotationId} = ${annotations.id})`,
    })
    .from(annotations)
    // CROSS JOIN keeps SQLite from starting at the project's documents: a page reads its own
    // annotations through their document_id index, not every document of the project.
    .crossJoin(documents)
    .leftJoin(users, eq(users.id, annotations.userId))
    .where(
      and(
        eq(documents.id, annotations.documentId),
        eq(documents.projectId, projectId),
        between(annotations.documentId, at("firstId"), at("lastId")),
        layers,
      ),
    )
    .orderBy(asc(annotations.documentId), asc(users.name), asc(annotations.id))
    .prepare();
  const labelNames = new Map(
    db
      .select({ id: labels.id, name: labels.name })
      .from(labels)
      .where(eq(labels.projectId, projectId))
      .all()
      .map((label) => [label.id, label.name]),
  );
  let afterId = 0;
  for (;;) {
    const rows = page.all({ afterId });
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) return;
    const byDocument = groupLayers(
      pageLayers.all({ firstId: first.id, lastId: last.id }),
      labelNames,
    );
    for (const row of rows) {
      yield {
        id: row.id,
        record: {
          id: row.externalId,
          text: row.text,
          meta: row.meta,
          annotations: byDocument.get(row.id) ?? [],
        },
      };
    }
    afterId = last.id;
  }
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
