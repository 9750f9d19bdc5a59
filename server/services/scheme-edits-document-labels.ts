import { asc, count, eq, gt, max } from "drizzle-orm";
import { z } from "zod";
import { tablesOf, type Db, type Queryable } from "@/db/open-database";
import { returnedRow } from "@/db/returned-row";
import { countOf } from "@/domain/count-of";
import { DomainError } from "@/domain/errors";
import {
  countSetChoices,
  getSet,
  insertOption,
  type NewOption,
} from "./scheme-edits-document-label-options";
import {
  assertConfirmed,
  assertNameFree,
  moveInOrder,
  schemeNameSchema,
} from "./scheme-edits-rules";

/** Owners' changes to the document label sets of a project ("topic", "stance"); options apart. */
export const documentLabelSetFieldsSchema = z.object({
  name: schemeNameSchema("document label set name"),
  multiple: z.boolean(),
});
export type DocumentLabelSetFields = z.infer<typeof documentLabelSetFieldsSchema>;

/** A set with its first options, as the settings form gives them. */
export function createDocumentLabelSet(
  db: Db,
  projectId: number,
  fields: Partial<DocumentLabelSetFields> & { name: string; options?: NewOption[] },
) {
  return db.transaction(async (tx) => {
    const { documentLabelSets } = tablesOf(tx);
    const [last] = await tx
      .select({ position: max(documentLabelSets.position) })
      .from(documentLabelSets)
      .where(eq(documentLabelSets.projectId, projectId));
    await assertSetNameFree(tx, projectId, fields.name, null);
    const set = returnedRow(
      await tx
        .insert(documentLabelSets)
        .values({
          projectId,
          name: fields.name,
          multiple: fields.multiple ?? false,
          position: (last?.position ?? -1) + 1,
        })
        .returning(),
    );
    for (const option of fields.options ?? []) await insertOption(tx, projectId, set, option);
    return set;
  });
}

/** A set answered with several options in some layer cannot become single-choice. */
export function updateDocumentLabelSet(
  db: Db,
  projectId: number,
  setId: number,
  fields: Partial<DocumentLabelSetFields>,
) {
  return db.transaction(async (tx) => {
    const { documentChoices, documentLabelOptions, documentLabelSets } = tablesOf(tx);
    const set = await getSet(tx, projectId, setId);
    const name = fields.name ?? set.name;
    const multiple = fields.multiple ?? set.multiple;
    await assertSetNameFree(tx, projectId, name, setId);
    if (set.multiple && !multiple) {
      const [several] = await tx
        .select({ layer: documentChoices.annotationId, n: count() })
        .from(documentChoices)
        .innerJoin(documentLabelOptions, eq(documentLabelOptions.id, documentChoices.optionId))
        .where(eq(documentLabelOptions.setId, setId))
        .groupBy(documentChoices.annotationId)
        .having(gt(count(), 1))
        .limit(1);
      if (several) {
        throw new DomainError(
          "CONFLICT",
          `document label set ${set.name} has layers with several of its labels chosen: it cannot become single-choice while they do`,
        );
      }
    }
    return returnedRow(
      await tx
        .update(documentLabelSets)
        .set({ name, multiple })
        .where(eq(documentLabelSets.id, setId))
        .returning(),
    );
  });
}

export function moveDocumentLabelSet(
  db: Db,
  projectId: number,
  setId: number,
  direction: "up" | "down",
) {
  return db.transaction(async (tx) => {
    const { documentLabelSets } = tablesOf(tx);
    await getSet(tx, projectId, setId);
    const ordered = await tx
      .select({ id: documentLabelSets.id, position: documentLabelSets.position })
      .from(documentLabelSets)
      .where(eq(documentLabelSets.projectId, projectId))
      .orderBy(asc(documentLabelSets.position), asc(documentLabelSets.id));
    return moveInOrder(ordered, setId, direction, (id, position) =>
      tx.update(documentLabelSets).set({ position }).where(eq(documentLabelSets.id, id)),
    );
  });
}

export function deleteDocumentLabelSet(
  db: Db,
  projectId: number,
  setId: number,
  confirmedChoiceCount: number,
) {
  return db.transaction(async (tx) => {
    const { documentLabelSets } = tablesOf(tx);
    const set = await getSet(tx, projectId, setId);
    const choices = await countSetChoices(tx, projectId, { setId });
    assertConfirmed(`document label set ${set.name}`, choices, confirmedChoiceCount, (n) =>
      countOf(n, "choice"),
    );
    await tx.delete(documentLabelSets).where(eq(documentLabelSets.id, setId));
    return { removedChoices: choices };
  });
}

async function assertSetNameFree(
  db: Queryable,
  projectId: number,
  name: string,
  id: number | null,
) {
  const { documentLabelSets } = tablesOf(db);
  const others = await db
    .select({ id: documentLabelSets.id, name: documentLabelSets.name })
    .from(documentLabelSets)
    .where(eq(documentLabelSets.projectId, projectId));
  assertNameFree("document label set name", name, id, others);
}
