// Test support: annotators' relations, attribute values and document labels written straight
// into the tables, so review tests do not depend on the annotation page's edits.
import { and, asc, eq } from "drizzle-orm";
import { tablesOf, type Db } from "@/db/open-database";
import { returnedRow } from "@/db/returned-row";
import type { SpanAttributes } from "@/domain/span-details";

/** What one annotator's layer holds beyond its spans, by span start and by name. */
export type LayerStructure = {
  relations?: { type: string; source: number; target: number }[];
  attributes?: Record<number, SpanAttributes>;
  choices?: string[];
};

/**
 * A scheme of relation types (`located_in` directed, `near` undirected), a boolean `negated` and
 * a choice `certainty` (low | high) on PER, and a single-choice `stance` set (pos | neg).
 */
export async function addReviewScheme(db: Db, projectId: number) {
  const t = tablesOf(db);
  const [per] = await db
    .select({ id: t.labels.id })
    .from(t.labels)
    .where(and(eq(t.labels.projectId, projectId), eq(t.labels.name, "PER")));
  await db.insert(t.relationTypes).values([
    { projectId, name: "located_in", color: "#0369a1", position: 0 },
    { projectId, name: "near", color: "#15803d", directed: false, position: 1 },
  ]);
  await db.insert(t.labelAttributes).values([
    { labelId: per?.id ?? 0, name: "negated", kind: "boolean", position: 0 },
    {
      labelId: per?.id ?? 0,
      name: "certainty",
      kind: "choice",
      options: ["low", "high"],
      position: 1,
    },
  ]);
  const set = returnedRow(
    await db
      .insert(t.documentLabelSets)
      .values({ projectId, name: "stance", position: 0 })
      .returning({ id: t.documentLabelSets.id }),
  );
  await db
    .insert(t.documentLabelOptions)
    .values(["pos", "neg"].map((name, position) => ({ setId: set.id, name, position })));
}

/** Writes `structure` into the named annotator's layer of the document (spans already there). */
export async function writeLayerStructure(
  db: Db,
  documentId: number,
  annotator: string,
  structure: LayerStructure,
) {
  const t = tablesOf(db);
  const [layer] = await db
    .select({ id: t.annotations.id, projectId: t.documents.projectId })
    .from(t.annotations)
    .innerJoin(t.users, eq(t.users.id, t.annotations.userId))
    .innerJoin(t.documents, eq(t.documents.id, t.annotations.documentId))
    .where(and(eq(t.annotations.documentId, documentId), eq(t.users.name, annotator)));
  if (!layer) throw new Error(`${annotator} has no layer of document ${documentId}`);
  const spans = await db
    .select({ id: t.spans.id, start: t.spans.start })
    .from(t.spans)
    .where(eq(t.spans.annotationId, layer.id))
    .orderBy(asc(t.spans.start));
  const spanAt = (start: number) => {
    const span = spans.find((s) => s.start === start);
    if (!span) throw new Error(`${annotator} has no span at ${start}`);
    return span.id;
  };
  const types = await db
    .select({ id: t.relationTypes.id, name: t.relationTypes.name })
    .from(t.relationTypes)
    .where(eq(t.relationTypes.projectId, layer.projectId));
  for (const relation of structure.relations ?? []) {
    await db.insert(t.spanRelations).values({
      annotationId: layer.id,
      sourceSpanId: spanAt(relation.source),
      targetSpanId: spanAt(relation.target),
      typeId: types.find((type) => type.name === relation.type)?.id ?? 0,
    });
  }
  for (const [start, attributes] of Object.entries(structure.attributes ?? {})) {
    await db
      .update(t.spans)
      .set({ attributes })
      .where(eq(t.spans.id, spanAt(Number(start))));
  }
  const options = await db
    .select({ id: t.documentLabelOptions.id, name: t.documentLabelOptions.name })
    .from(t.documentLabelOptions)
    .innerJoin(t.documentLabelSets, eq(t.documentLabelSets.id, t.documentLabelOptions.setId))
    .where(eq(t.documentLabelSets.projectId, layer.projectId));
  for (const name of structure.choices ?? []) {
    const option = options.find((o) => o.name === name);
    if (option)
      await db.insert(t.documentChoices).values({ annotationId: layer.id, optionId: option.id });
  }
}
