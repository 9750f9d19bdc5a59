import { and, eq, ne, sql } from "drizzle-orm";
import { tablesOf, type Queryable, type Tx } from "@/db/open-database";
import { listLabels } from "../projects";
import { listScheme } from "../scheme";

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

/** How the import names an attribute: by its label's name and its own. */
export function attributeKey(label: string, name: string): string {
  return `${label}\u0000${name}`;
}

/** The project's relation types, label attributes (by label and name) and document label sets. */
export async function loadProjectScheme(db: Queryable, projectId: number) {
  const labelNames = new Map(
    (await listLabels(db, projectId)).map((label) => [label.id, label.name]),
  );
  const { relationTypes, attributes, documentLabelSets } = await listScheme(db, projectId);
  return {
    relationTypes: new Map(
      relationTypes.map((type) => [type.name, { id: type.id, directed: type.directed }]),
    ),
    attributes: new Map<string, KnownAttribute>(
      attributes.map((attribute) => [
        attributeKey(labelNames.get(attribute.labelId) ?? "", attribute.name),
        { id: attribute.id, kind: attribute.kind, options: attribute.options },
      ]),
    ),
    sets: new Map<string, KnownSet>(
      documentLabelSets.map((set) => [
        set.name,
        {
          id: set.id,
          projectId,
          multiple: set.multiple,
          options: new Map(set.options.map((option) => [option.name, option.id])),
        },
      ]),
    ),
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
