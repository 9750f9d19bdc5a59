import { and, asc, eq, inArray, max } from "drizzle-orm";
import { z } from "zod";
import { tablesOf, type Db, type Queryable } from "@/db/open-database";
import { returnedRow } from "@/db/returned-row";
import { countOf } from "@/domain/count-of";
import { DomainError } from "@/domain/errors";
import {
  assertConfirmed,
  assertHotkeyFree,
  assertNameFree,
  hotkeySchema,
  moveInOrder,
  schemeNameSchema,
} from "./scheme-edits-rules";

/** Owners' changes to the options of a document label set: the labels that answer it. */
export const documentLabelOptionFieldsSchema = z.object({
  name: schemeNameSchema("document label name"),
  hotkey: hotkeySchema,
});
export type DocumentLabelOptionFields = z.infer<typeof documentLabelOptionFieldsSchema>;
export type NewOption = Partial<DocumentLabelOptionFields> & { name: string };

export function createDocumentLabelOption(
  db: Db,
  projectId: number,
  setId: number,
  fields: NewOption,
) {
  return db.transaction(async (tx) =>
    insertOption(tx, projectId, await getSet(tx, projectId, setId), fields),
  );
}

export function updateDocumentLabelOption(
  db: Db,
  projectId: number,
  optionId: number,
  fields: Partial<DocumentLabelOptionFields>,
) {
  return db.transaction(async (tx) => {
    const { documentLabelOptions } = tablesOf(tx);
    const { option, set } = await getOption(tx, projectId, optionId);
    const values = {
      name: fields.name ?? option.name,
      hotkey: fields.hotkey === undefined ? option.hotkey : fields.hotkey,
    };
    await checkOption(tx, projectId, set, optionId, values);
    return returnedRow(
      await tx
        .update(documentLabelOptions)
        .set(values)
        .where(eq(documentLabelOptions.id, optionId))
        .returning(),
    );
  });
}

export function moveDocumentLabelOption(
  db: Db,
  projectId: number,
  optionId: number,
  direction: "up" | "down",
) {
  return db.transaction(async (tx) => {
    const { documentLabelOptions } = tablesOf(tx);
    const { set } = await getOption(tx, projectId, optionId);
    return moveInOrder(await optionsOf(tx, set.id), optionId, direction, (id, position) =>
      tx.update(documentLabelOptions).set({ position }).where(eq(documentLabelOptions.id, id)),
    );
  });
}

export function deleteDocumentLabelOption(
  db: Db,
  projectId: number,
  optionId: number,
  confirmedChoiceCount: number,
) {
  return db.transaction(async (tx) => {
    const { documentLabelOptions } = tablesOf(tx);
    const { option, set } = await getOption(tx, projectId, optionId);
    const choices = await countSetChoices(tx, projectId, { optionId });
    const what = `document label ${option.name} of ${set.name}`;
    assertConfirmed(what, choices, confirmedChoiceCount, (n) => countOf(n, "choice"));
    await tx.delete(documentLabelOptions).where(eq(documentLabelOptions.id, optionId));
    return { removedChoices: choices };
  });
}

/** How many choices, in every layer and gold, deleting the set (or one option) would remove. */
export async function countSetChoices(
  db: Queryable,
  projectId: number,
  target: { setId: number } | { optionId: number },
) {
  const { documentChoices } = tablesOf(db);
  const optionIds =
    "setId" in target
      ? (await optionsOf(db, (await getSet(db, projectId, target.setId)).id)).map((o) => o.id)
      : [(await getOption(db, projectId, target.optionId)).option.id];
  if (optionIds.length === 0) return 0;
  return db.$count(documentChoices, inArray(documentChoices.optionId, optionIds));
}

export async function insertOption(
  tx: Queryable,
  projectId: number,
  set: { id: number; name: string },
  fields: NewOption,
) {
  const { documentLabelOptions } = tablesOf(tx);
  const values = { name: fields.name, hotkey: fields.hotkey ?? null };
  await checkOption(tx, projectId, set, null, values);
  const [last] = await tx
    .select({ position: max(documentLabelOptions.position) })
    .from(documentLabelOptions)
    .where(eq(documentLabelOptions.setId, set.id));
  return returnedRow(
    await tx
      .insert(documentLabelOptions)
      .values({ setId: set.id, position: (last?.position ?? -1) + 1, ...values })
      .returning(),
  );
}

async function checkOption(
  db: Queryable,
  projectId: number,
  set: { id: number; name: string },
  optionId: number | null,
  values: DocumentLabelOptionFields,
) {
  assertNameFree(
    `document label of ${set.name}`,
    values.name,
    optionId,
    await optionsOf(db, set.id),
  );
  await assertHotkeyFree(db, projectId, values.hotkey, {
    kind: "documentLabelOption",
    id: optionId ?? 0,
  });
}

export function optionsOf(db: Queryable, setId: number) {
  const { documentLabelOptions } = tablesOf(db);
  return db
    .select({
      id: documentLabelOptions.id,
      name: documentLabelOptions.name,
      position: documentLabelOptions.position,
    })
    .from(documentLabelOptions)
    .where(eq(documentLabelOptions.setId, setId))
    .orderBy(asc(documentLabelOptions.position), asc(documentLabelOptions.id));
}

export async function getSet(db: Queryable, projectId: number, setId: number) {
  const { documentLabelSets } = tablesOf(db);
  const [set] = await db
    .select()
    .from(documentLabelSets)
    .where(and(eq(documentLabelSets.id, setId), eq(documentLabelSets.projectId, projectId)))
    .limit(1);
  if (!set) throw new DomainError("NOT_FOUND", `no document label set ${setId} in this project`);
  return set;
}

export async function getOption(db: Queryable, projectId: number, optionId: number) {
  const { documentLabelOptions, documentLabelSets } = tablesOf(db);
  const [row] = await db
    .select({ option: documentLabelOptions, set: documentLabelSets })
    .from(documentLabelOptions)
    .innerJoin(documentLabelSets, eq(documentLabelSets.id, documentLabelOptions.setId))
    .where(and(eq(documentLabelOptions.id, optionId), eq(documentLabelSets.projectId, projectId)))
    .limit(1);
  if (!row) throw new DomainError("NOT_FOUND", `no document label ${optionId} in this project`);
  return row;
}
