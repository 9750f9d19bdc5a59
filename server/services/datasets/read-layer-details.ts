import { and, asc, between, eq, ne, or, type SQL } from "drizzle-orm";
import type { Queryable, Tables } from "@/db/open-database";
import type { SpanDetails } from "@/domain/span-details";

export type PageDetails = {
  /** Only spans with some detail: most have none, and reading them all would double the work. */
  spans: Map<number, Partial<SpanDetails>>;
  relations: Map<number, { source: number; target: number; type: string; directed: boolean }[]>;
  choices: Map<number, { set: string; option: string }[]>;
};

type Page = { projectId: number; layers: SQL; first: { id: number }; last: { id: number } };

/** The details of a page's layers: spans' attributes, notes and fragments, relations, choices. */
export async function readPageDetails(
  db: Queryable,
  tables: Tables,
  page: Page,
): Promise<PageDetails> {
  const {
    annotations,
    documentChoices,
    documentLabelOptions,
    documentLabelSets,
    documents,
    relationTypes,
    spanRelations,
    spans,
  } = tables;
  const inPage = and(
    eq(documents.id, annotations.documentId),
    eq(documents.projectId, page.projectId),
    between(annotations.documentId, page.first.id, page.last.id),
    page.layers,
  );
  const detailRows = await db
    .select({
      id: spans.id,
      attributes: spans.attributes,
      note: spans.note,
      fragments: spans.fragments,
    })
    .from(spans)
    .innerJoin(annotations, eq(annotations.id, spans.annotationId))
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .where(and(inPage, or(ne(spans.note, ""), ne(spans.attributes, {}), ne(spans.fragments, []))));
  const relationRows = await db
    .select({
      annotationId: spanRelations.annotationId,
      source: spanRelations.sourceSpanId,
      target: spanRelations.targetSpanId,
      type: relationTypes.name,
      directed: relationTypes.directed,
    })
    .from(spanRelations)
    .innerJoin(relationTypes, eq(relationTypes.id, spanRelations.typeId))
    .innerJoin(annotations, eq(annotations.id, spanRelations.annotationId))
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .where(inPage)
    .orderBy(asc(spanRelations.id));
  const choiceRows = await db
    .select({
      annotationId: documentChoices.annotationId,
      set: documentLabelSets.name,
      option: documentLabelOptions.name,
    })
    .from(documentChoices)
    .innerJoin(documentLabelOptions, eq(documentLabelOptions.id, documentChoices.optionId))
    .innerJoin(documentLabelSets, eq(documentLabelSets.id, documentLabelOptions.setId))
    .innerJoin(annotations, eq(annotations.id, documentChoices.annotationId))
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .where(inPage)
    .orderBy(asc(documentLabelSets.position), asc(documentLabelOptions.position));
  return {
    spans: new Map(detailRows.map(({ id, ...details }) => [id, details])),
    relations: groupBy(relationRows, ({ annotationId, ...relation }) => [annotationId, relation]),
    choices: groupBy(choiceRows, ({ annotationId, ...choice }) => [annotationId, choice]),
  };
}

function groupBy<Row, Value>(rows: Row[], split: (row: Row) => [number, Value]) {
  const grouped = new Map<number, Value[]>();
  for (const row of rows) {
    const [key, value] = split(row);
    const list = grouped.get(key);
    if (list) list.push(value);
    else grouped.set(key, [value]);
  }
  return grouped;
}
