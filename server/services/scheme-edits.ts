import { and, asc, eq, max } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { tablesOf, type Db, type Queryable } from "@/db/open-database";
import { returnedRow } from "@/db/returned-row";
import { countOf } from "@/domain/count-of";
import { DomainError } from "@/domain/errors";
import { defaultLabelColor, findColorProblem } from "@/domain/labels";
import { textField } from "@/domain/text-field";
import {
  assertConfirmed,
  assertHotkeyFree,
  assertNameFree,
  assertProjectLabels,
  hotkeySchema,
  labelIdsSchema,
  moveInOrder,
  schemeNameSchema,
} from "./scheme-edits-rules";

/**
 * Owners' changes to the relation types of a project. Label attributes and document labels have
 * theirs in scheme-edits-attributes.ts and scheme-edits-document-labels.ts.
 */
export const relationTypeFieldsSchema = z.object({
  name: schemeNameSchema("relation type name"),
  color: textField("colour", { max: 7 }),
  hotkey: hotkeySchema,
  directed: z.boolean(),
  sourceLabelIds: labelIdsSchema,
  targetLabelIds: labelIdsSchema,
});
export type RelationTypeFields = z.infer<typeof relationTypeFieldsSchema>;

export function createRelationType(
  db: Db,
  projectId: number,
  fields: Partial<RelationTypeFields> & { name: string },
) {
  return db.transaction(async (tx) => {
    const { relationTypes } = tablesOf(tx);
    const [last] = await tx
      .select({ position: max(relationTypes.position) })
      .from(relationTypes)
      .where(eq(relationTypes.projectId, projectId));
    const position = (last?.position ?? -1) + 1;
    const values: RelationTypeFields = {
      name: fields.name,
      color: fields.color ?? defaultLabelColor(position),
      hotkey: fields.hotkey ?? null,
      directed: fields.directed ?? true,
      sourceLabelIds: fields.sourceLabelIds ?? [],
      targetLabelIds: fields.targetLabelIds ?? [],
    };
    await checkRelationType(tx, projectId, null, values);
    return returnedRow(
      await tx
        .insert(relationTypes)
        .values({ projectId, position, ...values })
        .returning(),
    );
  });
}

/**
 * Renaming or recolouring keeps every relation. Turning a directed type undirected (or back), or
 * no longer allowing a label that relations of the type start or end at, would leave those
 * relations breaking the type's rules: refused while they exist, naming how many.
 */
export function updateRelationType(
  db: Db,
  projectId: number,
  typeId: number,
  fields: Partial<RelationTypeFields>,
) {
  return db.transaction(async (tx) => {
    const { relationTypes } = tablesOf(tx);
    const type = await getRelationType(tx, projectId, typeId);
    const given = Object.entries(fields).filter(([, value]) => value !== undefined);
    const values: RelationTypeFields = { ...type, ...Object.fromEntries(given) };
    await checkRelationType(tx, projectId, typeId, values);
    await checkRelationsStillAllowed(tx, type, values);
    return returnedRow(
      await tx
        .update(relationTypes)
        .set({
          name: values.name,
          color: values.color,
          hotkey: values.hotkey,
          directed: values.directed,
          sourceLabelIds: values.sourceLabelIds,
          targetLabelIds: values.targetLabelIds,
        })
        .where(eq(relationTypes.id, typeId))
        .returning(),
    );
  });
}

export function moveRelationType(
  db: Db,
  projectId: number,
  typeId: number,
  direction: "up" | "down",
) {
  return db.transaction(async (tx) => {
    const { relationTypes } = tablesOf(tx);
    await getRelationType(tx, projectId, typeId);
    const ordered = await tx
      .select({ id: relationTypes.id, position: relationTypes.position })
      .from(relationTypes)
      .where(eq(relationTypes.projectId, projectId))
      .orderBy(asc(relationTypes.position), asc(relationTypes.id));
    return moveInOrder(ordered, typeId, direction, (id, position) =>
      tx.update(relationTypes).set({ position }).where(eq(relationTypes.id, id)),
    );
  });
}

/** How many relations, in every layer and gold, deleting the type would remove. */
export async function countTypeRelations(db: Queryable, projectId: number, typeId: number) {
  const { spanRelations } = tablesOf(db);
  await getRelationType(db, projectId, typeId);
  return db.$count(spanRelations, eq(spanRelations.typeId, typeId));
}

export function deleteRelationType(
  db: Db,
  projectId: number,
  typeId: number,
  confirmedRelationCount: number,
) {
  return db.transaction(async (tx) => {
    const { relationTypes } = tablesOf(tx);
    const type = await getRelationType(tx, projectId, typeId);
    const count = await countTypeRelations(tx, projectId, typeId);
    assertConfirmed(`relation type ${type.name}`, count, confirmedRelationCount, (n) =>
      countOf(n, "relation"),
    );
    await tx.delete(relationTypes).where(eq(relationTypes.id, typeId));
    return { removedRelations: count };
  });
}

async function getRelationType(db: Queryable, projectId: number, typeId: number) {
  const { relationTypes } = tablesOf(db);
  const [type] = await db
    .select()
    .from(relationTypes)
    .where(and(eq(relationTypes.id, typeId), eq(relationTypes.projectId, projectId)))
    .limit(1);
  if (!type) throw new DomainError("NOT_FOUND", `no relation type ${typeId} in this project`);
  return type;
}

async function checkRelationType(
  db: Queryable,
  projectId: number,
  typeId: number | null,
  values: RelationTypeFields,
) {
  const { relationTypes } = tablesOf(db);
  const colorProblem = findColorProblem(values.color);
  if (colorProblem) throw new DomainError("BAD_REQUEST", colorProblem);
  await assertProjectLabels(db, projectId, [...values.sourceLabelIds, ...values.targetLabelIds]);
  const others = await db
    .select({ id: relationTypes.id, name: relationTypes.name })
    .from(relationTypes)
    .where(eq(relationTypes.projectId, projectId));
  assertNameFree("relation type name", values.name, typeId, others);
  await assertHotkeyFree(db, projectId, values.hotkey, {
    kind: "relationType",
    id: typeId ?? 0,
  });
}

/** The type's relations, counted by the labels of their two ends. */
async function countRelationsByLabels(db: Queryable, projectId: number, typeId: number) {
  const { labels, spanRelations, spans } = tablesOf(db);
  const source = alias(spans, "source_span");
  const target = alias(spans, "target_span");
  const rows = await db
    .select({ sourceLabelId: source.labelId, targetLabelId: target.labelId })
    .from(spanRelations)
    .innerJoin(source, eq(source.id, spanRelations.sourceSpanId))
    .innerJoin(target, eq(target.id, spanRelations.targetSpanId))
    .where(eq(spanRelations.typeId, typeId));
  const names = new Map(
    (
      await db
        .select({ id: labels.id, name: labels.name })
        .from(labels)
        .where(eq(labels.projectId, projectId))
    ).map((label) => [label.id, label.name]),
  );
  return { rows, nameOf: (id: number) => names.get(id) ?? String(id) };
}

async function checkRelationsStillAllowed(
  db: Queryable,
  type: RelationTypeFields & { id: number; projectId: number },
  values: RelationTypeFields,
) {
  const { rows, nameOf } = await countRelationsByLabels(db, type.projectId, type.id);
  if (rows.length === 0) return;
  const relations = countOf(rows.length, "relation");
  if (values.directed !== type.directed) {
    throw new DomainError(
      "CONFLICT",
      `relation type ${type.name} has ${relations}: it cannot become ${values.directed ? "directed" : "undirected"} while they exist`,
    );
  }
  for (const end of ["source", "target"] as const) {
    const allowed = end === "source" ? values.sourceLabelIds : values.targetLabelIds;
    if (allowed.length === 0) continue;
    const outside = rows.filter((row) => !allowed.includes(row[`${end}LabelId`]));
    const first = outside[0];
    if (!first) continue;
    const label = nameOf(first[`${end}LabelId`]);
    const from = end === "source" ? "from" : "to";
    throw new DomainError(
      "CONFLICT",
      `relation type ${type.name} has ${countOf(outside.length, "relation")} ${from} ${label}, which it would no longer allow`,
    );
  }
}
