import { asc, eq } from "drizzle-orm";
import { tablesOf, type Queryable } from "@/db/open-database";
import { emptyScheme, type LayerScheme } from "@/domain/layer-scheme";

/**
 * A project's scheme beyond its span labels, as the document page shows and judges it: relation
 * types, label attributes and document label sets with their options, each in its order.
 */
export async function listScheme(db: Queryable, projectId: number) {
  const [relationTypes, attributes, documentLabelSets] = [
    await listRelationTypes(db, projectId),
    await listAttributes(db, projectId),
    await listDocumentLabelSets(db, projectId),
  ];
  return { relationTypes, attributes, documentLabelSets };
}

export type Scheme = Awaited<ReturnType<typeof listScheme>>;

/** Which parts of the scheme an edit needs judged; the rest is not read. */
export type SchemeNeeds = {
  attributes: boolean;
  documentLabelSets: boolean;
};

/**
 * The parts of a project's scheme a layer edit needs (see `SchemeNeeds`), the others empty;
 * relation types are read apart, as the layer's relations are read (see `editLayer`).
 */
export async function loadLayerScheme(
  db: Queryable,
  projectId: number,
  needs: SchemeNeeds,
): Promise<LayerScheme> {
  return {
    relationTypes: [],
    attributes: needs.attributes ? await listAttributes(db, projectId) : [],
    documentLabelSets: needs.documentLabelSets
      ? await listDocumentLabelSets(db, projectId)
      : emptyScheme.documentLabelSets,
  };
}

export function listRelationTypes(db: Queryable, projectId: number) {
  const { relationTypes } = tablesOf(db);
  return db
    .select({
      id: relationTypes.id,
      name: relationTypes.name,
      color: relationTypes.color,
      hotkey: relationTypes.hotkey,
      directed: relationTypes.directed,
      sourceLabelIds: relationTypes.sourceLabelIds,
      targetLabelIds: relationTypes.targetLabelIds,
    })
    .from(relationTypes)
    .where(eq(relationTypes.projectId, projectId))
    .orderBy(asc(relationTypes.position), asc(relationTypes.id));
}

function listAttributes(db: Queryable, projectId: number) {
  const { labelAttributes, labels } = tablesOf(db);
  return db
    .select({
      id: labelAttributes.id,
      labelId: labelAttributes.labelId,
      name: labelAttributes.name,
      kind: labelAttributes.kind,
      options: labelAttributes.options,
      hotkey: labelAttributes.hotkey,
    })
    .from(labelAttributes)
    .innerJoin(labels, eq(labels.id, labelAttributes.labelId))
    .where(eq(labels.projectId, projectId))
    .orderBy(asc(labels.position), asc(labelAttributes.position), asc(labelAttributes.id));
}

async function listDocumentLabelSets(db: Queryable, projectId: number) {
  const { documentLabelSets, documentLabelOptions } = tablesOf(db);
  const rows = await db
    .select({
      id: documentLabelSets.id,
      name: documentLabelSets.name,
      multiple: documentLabelSets.multiple,
      option: {
        id: documentLabelOptions.id,
        name: documentLabelOptions.name,
        hotkey: documentLabelOptions.hotkey,
      },
    })
    .from(documentLabelSets)
    .leftJoin(documentLabelOptions, eq(documentLabelOptions.setId, documentLabelSets.id))
    .where(eq(documentLabelSets.projectId, projectId))
    .orderBy(
      asc(documentLabelSets.position),
      asc(documentLabelSets.id),
      asc(documentLabelOptions.position),
      asc(documentLabelOptions.id),
    );
  const sets = new Map<
    number,
    {
      id: number;
      name: string;
      multiple: boolean;
      options: NonNullable<(typeof rows)[number]["option"]>[];
    }
  >();
  for (const { option, ...set } of rows) {
    const entry = sets.get(set.id) ?? { ...set, options: [] };
    sets.set(set.id, entry);
    if (option) entry.options.push(option);
  }
  return [...sets.values()];
}
