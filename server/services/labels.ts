import { and, asc, count, eq, max } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/open-database";
import { labels, spans } from "@/db/schema";
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
  return db.transaction((tx) => {
    const position =
      (tx
        .select({ last: max(labels.position) })
        .from(labels)
        .where(eq(labels.projectId, projectId))
        .get()?.last ?? -1) + 1;
    const values = {
      name: fields.name,
      color: fields.color ?? defaultLabelColor(position),
      hotkey: fields.hotkey ?? null,
      description: fields.description ?? "",
    };
    checkLabel(tx, projectId, null, values);
    return tx
      .insert(labels)
      .values({ projectId, position, ...values })
      .returning()
      .get();
  });
}

/** Renaming keeps every span: spans point at the label, not at its name. */
export function updateLabel(
  db: Db,
  projectId: number,
  labelId: number,
  fields: Partial<LabelFields>,
) {
  return db.transaction((tx) => {
    const label = getLabel(tx, projectId, labelId);
    // A field given as undefined (superjson keeps it) is a field not given: keep the label's.
    const given = Object.entries(fields).filter(([, value]) => value !== undefined);
    const values = { ...label, ...Object.fromEntries(given) };
    checkLabel(tx, projectId, labelId, values);
    return tx
      .update(labels)
      .set({
        name: values.name,
        color: values.color,
        hotkey: values.hotkey,
        description: values.description,
      })
      .where(eq(labels.id, labelId))
      .returning()
      .get();
  });
}

/** Moves a label one place up or down in the project's order (and in the picker). */
export function moveLabel(db: Db, projectId: number, labelId: number, direction: "up" | "down") {
  return db.transaction((tx) => {
    const ordered = tx
      .select()
      .from(labels)
      .where(eq(labels.projectId, projectId))
      .orderBy(asc(labels.position))
      .all();
    const index = ordered.findIndex((label) => label.id === labelId);
    if (index < 0) throw new DomainError("NOT_FOUND", `no label ${labelId} in this project`);
    const swapWith = ordered[direction === "up" ? index - 1 : index + 1];
    const label = ordered[index];
    if (!swapWith || !label) return ordered.map((l) => l.id);
    tx.update(labels).set({ position: swapWith.position }).where(eq(labels.id, label.id)).run();
    tx.update(labels).set({ position: label.position }).where(eq(labels.id, swapWith.id)).run();
    return tx
      .select({ id: labels.id })
      .from(labels)
      .where(eq(labels.projectId, projectId))
      .orderBy(asc(labels.position))
      .all()
      .map((l) => l.id);
  });
}

export function countLabelSpans(db: Queryable, projectId: number, labelId: number): number {
  getLabel(db, projectId, labelId);
  return db.select({ n: count() }).from(spans).where(eq(spans.labelId, labelId)).get()?.n ?? 0;
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
  return db.transaction((tx) => {
    const spanCount = countLabelSpans(tx, projectId, labelId);
    if (spanCount !== confirmedSpanCount) {
      throw new DomainError(
        "CONFLICT",
        `deleting this label removes ${countOf(spanCount, "span")}; confirm that number to go ahead`,
      );
    }
    tx.delete(labels).where(eq(labels.id, labelId)).run();
    return { removedSpans: spanCount };
  });
}

function getLabel(db: Queryable, projectId: number, labelId: number) {
  const label = db
    .select()
    .from(labels)
    .where(and(eq(labels.id, labelId), eq(labels.projectId, projectId)))
    .get();
  if (!label) throw new DomainError("NOT_FOUND", `no label ${labelId} in this project`);
  return label;
}

function checkLabel(db: Queryable, projectId: number, labelId: number | null, values: LabelFields) {
  const problem =
    findLabelNameProblem(values.name) ??
    findColorProblem(values.color) ??
    (values.hotkey === null ? null : findHotkeyProblem(values.hotkey));
  if (problem) throw new DomainError("BAD_REQUEST", problem);
  for (const other of db.select().from(labels).where(eq(labels.projectId, projectId)).all()) {
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
}
