import { and, asc, eq, max } from "drizzle-orm";
import { z } from "zod";
import { tablesOf, type Db, type Queryable } from "@/db/open-database";
import { returnedRow } from "@/db/returned-row";
import { DomainError } from "@/domain/errors";
import {
  defaultLabelColor,
  findColorProblem,
  findHotkeyProblem,
  findLabelNameProblem,
  labelNameSchema,
} from "@/domain/labels";
import { textField } from "@/domain/text-field";
import { countOf } from "@/domain/count-of";
import { assertHotkeyFree } from "./scheme-edits-rules";

export const labelFieldsSchema = z.object({
  name: labelNameSchema,
  color: textField("colour", { max: 7 }),
  hotkey: textField("hotkey", { max: 1 }).nullable(),
  description: textField("label description", { max: 2_000, multiline: true }),
});
export type LabelFields = z.infer<typeof labelFieldsSchema>;

export function createLabel(
  db: Db,
  projectId: number,
  fields: Partial<LabelFields> & { name: string },
) {
  return db.transaction(async (tx) => {
    const { labels } = tablesOf(tx);
    const [last] = await tx
      .select({ position: max(labels.position) })
      .from(labels)
      .where(eq(labels.projectId, projectId));
    const position = (last?.position ?? -1) + 1;
    const values = {
      name: fields.name,
      color: fields.color ?? defaultLabelColor(position),
      hotkey: fields.hotkey ?? null,
      description: fields.description ?? "",
    };
    await checkLabel(tx, projectId, null, values);
    return returnedRow(
      await tx
        .insert(labels)
        .values({ projectId, position, ...values })
        .returning(),
    );
  });
}

/** Renaming keeps every span: spans point at the label, not at its name. */
export function updateLabel(
  db: Db,
  projectId: number,
  labelId: number,
  fields: Partial<LabelFields>,
) {
  return db.transaction(async (tx) => {
    const { labels } = tablesOf(tx);
    const label = await getLabel(tx, projectId, labelId);
    // A field given as undefined (superjson keeps it) is a field not given: keep the label's.
    const given = Object.entries(fields).filter(([, value]) => value !== undefined);
    const values = { ...label, ...Object.fromEntries(given) };
    await checkLabel(tx, projectId, labelId, values);
    return returnedRow(
      await tx
        .update(labels)
        .set({
          name: values.name,
          color: values.color,
          hotkey: values.hotkey,
          description: values.description,
        })
        .where(eq(labels.id, labelId))
        .returning(),
    );
  });
}

/** Moves a label one place up or down in the project's order (and in the picker). */
export function moveLabel(db: Db, projectId: number, labelId: number, direction: "up" | "down") {
  return db.transaction(async (tx) => {
    const { labels } = tablesOf(tx);
    const ordered = await listOrdered(tx, projectId);
    const index = ordered.findIndex((label) => label.id === labelId);
    if (index < 0) throw new DomainError("NOT_FOUND", `no label ${labelId} in this project`);
    const swapWith = ordered[direction === "up" ? index - 1 : index + 1];
    const label = ordered[index];
    if (!swapWith || !label) return ordered.map((l) => l.id);
    await tx.update(labels).set({ position: swapWith.position }).where(eq(labels.id, label.id));
    await tx.update(labels).set({ position: label.position }).where(eq(labels.id, swapWith.id));
    return (await listOrdered(tx, projectId)).map((l) => l.id);
  });
}

function listOrdered(db: Queryable, projectId: number) {
  const { labels } = tablesOf(db);
  return db
    .select()
    .from(labels)
    .where(eq(labels.projectId, projectId))
    .orderBy(asc(labels.position), asc(labels.id));
}

export async function countLabelSpans(
  db: Queryable,
  projectId: number,
  labelId: number,
): Promise<number> {
  const { spans } = tablesOf(db);
  await getLabel(db, projectId, labelId);
  return db.$count(spans, eq(spans.labelId, labelId));
}

/**
 * Deletes a label and, with it, its spans. The caller must say how many spans it expects to
 * remove (what the confirmation showed); if that is not the current count, nothing happens.
 */
export function deleteLabel(
  db: Db,
  projectId: number,
  labelId: number,
  confirmedSpanCount: number,
) {
  return db.transaction(async (tx) => {
    const { labels } = tablesOf(tx);
    const spanCount = await countLabelSpans(tx, projectId, labelId);
    if (spanCount !== confirmedSpanCount) {
      throw new DomainError(
        "CONFLICT",
        `deleting this label removes ${countOf(spanCount, "span")}; confirm that number to go ahead`,
      );
    }
    await tx.delete(labels).where(eq(labels.id, labelId));
    return { removedSpans: spanCount };
  });
}

async function getLabel(db: Queryable, projectId: number, labelId: number) {
  const { labels } = tablesOf(db);
  const [label] = await db
    .select()
    .from(labels)
    .where(and(eq(labels.id, labelId), eq(labels.projectId, projectId)))
    .limit(1);
  if (!label) throw new DomainError("NOT_FOUND", `no label ${labelId} in this project`);
  return label;
}

async function checkLabel(
  db: Queryable,
  projectId: number,
  labelId: number | null,
  values: LabelFields,
) {
  const { labels } = tablesOf(db);
  const problem =
    findLabelNameProblem(values.name) ??
    findColorProblem(values.color) ??
    (values.hotkey === null ? null : findHotkeyProblem(values.hotkey));
  if (problem) throw new DomainError("BAD_REQUEST", problem);
  for (const other of await db.select().from(labels).where(eq(labels.projectId, projectId))) {
    if (other.id === labelId) continue;
    if (other.name === values.name)
      throw new DomainError("CONFLICT", `a label named "${values.name}" already exists`);
    if (values.hotkey !== null && other.hotkey === values.hotkey) {
      throw new DomainError(
        "CONFLICT",
        `hotkey "${values.hotkey}" is already used by label "${other.name}"`,
      );
    }
  }
  await assertHotkeyFree(db, projectId, values.hotkey, { kind: "label", id: labelId ?? 0 });
}
