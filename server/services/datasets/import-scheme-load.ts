import { and, eq, ne, sql } from "drizzle-orm";
import { tablesOf, type Queryable, type Tx } from "@/db/open-database";

export type KnownAttribute = { id: number; kind: "boolean" | "choice" | "text"; options: string[] };
export type KnownSet = {
  id: number;
  projectId: number;
  multiple: boolean;
  options: Map<string, number>;
};

/** What an import created beyond labels, named for people ("topic: sports", "PER.negated"). */
export type SchemeCreated = {
  relationTypes: string[];
  attributes: string[];
  documentLabels: string[];
};

/** The project's relation types, label attributes (by label and name) and document label sets. */
export async function loadProjectScheme(db: Queryable, projectId: number) {
  const { documentLabelOptions, documentLabelSets, labelAttributes, labels, relationTypes } =
    tablesOf(db);
  const types = await db
    .select({ id: relationTypes.id, name: relationTypes.name, directed: relationTypes.directed })
    .from(relationTypes)
    .where(eq(relationTypes.projectId, projectId));
  const attributeRows = await db
    .select({
      id: labelAttributes.id,
      label: labels.name,
      name: labelAttributes.name,
      kind: labelAttributes.kind,
      options: labelAttributes.options,
    })
    .from(labelAttributes)
    .innerJoin(labels, eq(labels.id, labelAttributes.labelId))
    .where(eq(labels.projectId, projectId));
  const setRows = await db
    .select({
      id: documentLabelSets.id,
      name: documentLabelSets.name,
      multiple: documentLabelSets.multiple,
    })
    .from(documentLabelSets)
    .where(eq(documentLabelSets.projectId, projectId));
  const optionRows = await db
    .select({
      id: documentLabelOptions.id,
      setId: documentLabelOptions.setId,
      name: documentLabelOptions.name,
    })
    .from(documentLabelOptions)
    .innerJoin(documentLabelSets, eq(documentLabelSets.id, documentLabelOptions.setId))
    .where(eq(documentLabelSets.projectId, projectId));
  const sets = new Map<string, KnownSet>(
    setRows.map((set) => [
      set.name,
      {
        id: set.id,
        projectId,
        multiple: set.multiple,
        options: new Map(optionRows.filter((o) => o.setId === set.id).map((o) => [o.name, o.id])),
      },
    ]),
  );
  return {
    relationTypes: new Map(
      types.map((type) => [type.name, { id: type.id, directed: type.directed }]),
    ),
    attributes: new Map<string, KnownAttribute>(
      attributeRows.map((row) => [
        `${row.label}\u0000${row.name}`,
        { id: row.id, kind: row.kind, options: row.options },
      ]),
    ),
    sets,
  };
}

/**
 * Makes the relation types and document label sets a staged import created the project's, after
 * its own: a set the project has by then receives the staged set's options instead.
 */
export async function publishScheme(tx: Tx, stagingId: number, targetId: number) {
  const { documentLabelOptions, documentLabelSets, relationTypes } = tablesOf(tx);
  const [lastType] = await tx
    .select({ position: sql<number>`coalesce(max(${relationTypes.position}), -1)`.mapWith(Number) })
    .from(relationTypes)
    .where(eq(relationTypes.projectId, targetId));
  await tx
    .update(relationTypes)
    .set({
      projectId: targetId,
      position: sql`${relationTypes.position} + ${(lastType?.position ?? -1) + 1}`,
    })
    .where(eq(relationTypes.projectId, stagingId));
  const staged = await tx
    .select({ id: documentLabelSets.id, name: documentLabelSets.name })
    .from(documentLabelSets)
    .where(eq(documentLabelSets.projectId, stagingId));
  for (const set of staged) {
    const [target] = await tx
      .select({ id: documentLabelSets.id })
      .from(documentLabelSets)
      .where(and(eq(documentLabelSets.projectId, targetId), eq(documentLabelSets.name, set.name)));
    if (!target) {
      const [last] = await tx
        .select({
          position: sql<number>`coalesce(max(${documentLabelSets.position}), -1)`.mapWith(Number),
        })
        .from(documentLabelSets)
        .where(eq(documentLabelSets.projectId, targetId));
      await tx
        .update(documentLabelSets)
        .set({ projectId: targetId, position: (last?.position ?? -1) + 1 })
        .where(eq(documentLabelSets.id, set.id));
      continue;
    }
    const [last] = await tx
      .select({
        position: sql<number>`coalesce(max(${documentLabelOptions.position}), -1)`.mapWith(Number),
      })
      .from(documentLabelOptions)
      .where(eq(documentLabelOptions.setId, target.id));
    await tx
      .update(documentLabelOptions)
      .set({
        setId: target.id,
        position: sql`${documentLabelOptions.position} + ${(last?.position ?? -1) + 1}`,
      })
      .where(eq(documentLabelOptions.setId, set.id));
    await tx
      .delete(documentLabelSets)
      .where(and(eq(documentLabelSets.id, set.id), ne(documentLabelSets.projectId, targetId)));
  }
}
