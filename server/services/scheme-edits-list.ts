import { asc, eq } from "drizzle-orm";
import { tablesOf, type Queryable } from "@/db/open-database";

/** A project's scheme as the settings page edits it, each part in its order. */
export async function listScheme(db: Queryable, projectId: number) {
  const { documentLabelOptions, documentLabelSets, labelAttributes, labels, relationTypes } =
    tablesOf(db);
  const types = await db
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
  const attributes = await db
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
  const sets = await db
    .select({
      id: documentLabelSets.id,
      name: documentLabelSets.name,
      multiple: documentLabelSets.multiple,
    })
    .from(documentLabelSets)
    .where(eq(documentLabelSets.projectId, projectId))
    .orderBy(asc(documentLabelSets.position), asc(documentLabelSets.id));
  const options = await db
    .select({
      id: documentLabelOptions.id,
      setId: documentLabelOptions.setId,
      name: documentLabelOptions.name,
      hotkey: documentLabelOptions.hotkey,
    })
    .from(documentLabelOptions)
    .innerJoin(documentLabelSets, eq(documentLabelSets.id, documentLabelOptions.setId))
    .where(eq(documentLabelSets.projectId, projectId))
    .orderBy(asc(documentLabelOptions.position), asc(documentLabelOptions.id));
  return {
    relationTypes: types,
    attributes,
    documentLabelSets: sets.map((set) => ({
      ...set,
      options: options
        .filter((option) => option.setId === set.id)
        .map(({ setId: _set, ...option }) => option),
    })),
  };
}
