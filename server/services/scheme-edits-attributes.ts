import { and, asc, eq, max, sql } from "drizzle-orm";
import { z } from "zod";
import { tablesOf, type Db, type Queryable } from "@/db/open-database";
import { attributeKinds } from "@/db/schema/scheme";
import { returnedRow } from "@/db/returned-row";
import { countOf } from "@/domain/count-of";
import { DomainError } from "@/domain/errors";
import type { SpanAttributes } from "@/domain/span-details";
import {
  assertConfirmed,
  assertHotkeyFree,
  assertNameFree,
  hotkeySchema,
  moveInOrder,
  schemeNameSchema,
} from "./scheme-edits-rules";

/** Owners' changes to the typed attributes of a label's spans (`negated`, `certainty`). */
export const attributeFieldsSchema = z.object({
  name: schemeNameSchema("attribute name"),
  kind: z.enum(attributeKinds),
  options: z.array(schemeNameSchema("option")).max(50),
  hotkey: hotkeySchema,
});
export type AttributeFields = z.infer<typeof attributeFieldsSchema>;

type Attribute = AttributeFields & { id: number; labelId: number };

export function createAttribute(
  db: Db,
  projectId: number,
  labelId: number,
  fields: Partial<AttributeFields> & { name: string },
) {
  return db.transaction(async (tx) => {
    const { labelAttributes } = tablesOf(tx);
    const label = await getLabel(tx, projectId, labelId);
    const [last] = await tx
      .select({ position: max(labelAttributes.position) })
      .from(labelAttributes)
      .where(eq(labelAttributes.labelId, labelId));
    const values: AttributeFields = {
      name: fields.name,
      kind: fields.kind ?? "boolean",
      options: fields.options ?? [],
      hotkey: fields.hotkey ?? null,
    };
    await checkAttribute(tx, projectId, label, null, values);
    return returnedRow(
      await tx
        .insert(labelAttributes)
        .values({ labelId, position: (last?.position ?? -1) + 1, ...values })
        .returning(),
    );
  });
}

/**
 * Spans keep their values by the attribute's name, so renaming rewrites them. A kind cannot
 * change, nor an option go, while spans hold a value the new definition would not have.
 */
export function updateAttribute(
  db: Db,
  projectId: number,
  attributeId: number,
  fields: Partial<AttributeFields>,
) {
  return db.transaction(async (tx) => {
    const { labelAttributes, spans } = tablesOf(tx);
    const { attribute, label } = await getAttribute(tx, projectId, attributeId);
    const given = Object.entries(fields).filter(([, value]) => value !== undefined);
    const values: AttributeFields = { ...attribute, ...Object.fromEntries(given) };
    if (values.kind !== "choice" && fields.kind !== undefined && fields.options === undefined) {
      values.options = [];
    }
    await checkAttribute(tx, projectId, label, attributeId, values);
    const holding = await spansHolding(tx, attribute);
    const what = `attribute ${attribute.name} of ${label.name}`;
    if (values.kind !== attribute.kind && holding.length > 0) {
      throw new DomainError(
        "CONFLICT",
        `${what} is set on ${countOf(holding.length, "span")}: its kind cannot change while they hold it`,
      );
    }
    for (const option of attribute.options.filter((o) => !values.options.includes(o))) {
      const using = holding.filter((span) => span.attributes[attribute.name] === option).length;
      if (using > 0) {
        throw new DomainError(
          "CONFLICT",
          `option “${option}” of ${what} is set on ${countOf(using, "span")}: it cannot go while they hold it`,
        );
      }
    }
    if (values.name !== attribute.name) {
      for (const span of holding) {
        const { [attribute.name]: value, ...rest } = span.attributes;
        const attributes: SpanAttributes = { ...rest, [values.name]: value as string | boolean };
        await tx.update(spans).set({ attributes }).where(eq(spans.id, span.id));
      }
    }
    return returnedRow(
      await tx
        .update(labelAttributes)
        .set({
          name: values.name,
          kind: values.kind,
          options: values.options,
          hotkey: values.hotkey,
        })
        .where(eq(labelAttributes.id, attributeId))
        .returning(),
    );
  });
}

export function moveAttribute(
  db: Db,
  projectId: number,
  attributeId: number,
  direction: "up" | "down",
) {
  return db.transaction(async (tx) => {
    const { labelAttributes } = tablesOf(tx);
    const { attribute } = await getAttribute(tx, projectId, attributeId);
    const ordered = await tx
      .select({ id: labelAttributes.id, position: labelAttributes.position })
      .from(labelAttributes)
      .where(eq(labelAttributes.labelId, attribute.labelId))
      .orderBy(asc(labelAttributes.position), asc(labelAttributes.id));
    return moveInOrder(ordered, attributeId, direction, (id, position) =>
      tx.update(labelAttributes).set({ position }).where(eq(labelAttributes.id, id)),
    );
  });
}

/** How many spans, in every layer and gold, hold a value of the attribute. */
export async function countAttributeSpans(db: Queryable, projectId: number, attributeId: number) {
  const { attribute } = await getAttribute(db, projectId, attributeId);
  return (await spansHolding(db, attribute)).length;
}

/** Deletes the attribute and its value from every span that holds one (the count confirmed). */
export function deleteAttribute(
  db: Db,
  projectId: number,
  attributeId: number,
  confirmedSpanCount: number,
) {
  return db.transaction(async (tx) => {
    const { labelAttributes, spans } = tablesOf(tx);
    const { attribute, label } = await getAttribute(tx, projectId, attributeId);
    const holding = await spansHolding(tx, attribute);
    const what = `attribute ${attribute.name} of ${label.name}`;
    assertConfirmed(
      what,
      holding.length,
      confirmedSpanCount,
      (n) => `its value from ${countOf(n, "span")}`,
    );
    for (const span of holding) {
      const attributes = { ...span.attributes };
      delete attributes[attribute.name];
      await tx.update(spans).set({ attributes }).where(eq(spans.id, span.id));
    }
    await tx.delete(labelAttributes).where(eq(labelAttributes.id, attributeId));
    return { removedValues: holding.length };
  });
}

/**
 * The label's spans that hold a value of the attribute. Spans without any attribute are left
 * out in SQL (both databases compare the column with an empty JSON object); the rest in here.
 */
async function spansHolding(db: Queryable, attribute: Pick<Attribute, "labelId" | "name">) {
  const { spans } = tablesOf(db);
  const rows = await db
    .select({ id: spans.id, attributes: spans.attributes })
    .from(spans)
    .where(and(eq(spans.labelId, attribute.labelId), sql`${spans.attributes} <> '{}'`));
  return rows.filter((row) => Object.hasOwn(row.attributes, attribute.name));
}

async function getLabel(db: Queryable, projectId: number, labelId: number) {
  const { labels } = tablesOf(db);
  const [label] = await db
    .select({ id: labels.id, name: labels.name })
    .from(labels)
    .where(and(eq(labels.id, labelId), eq(labels.projectId, projectId)))
    .limit(1);
  if (!label) throw new DomainError("NOT_FOUND", `no label ${labelId} in this project`);
  return label;
}

async function getAttribute(db: Queryable, projectId: number, attributeId: number) {
  const { labelAttributes, labels } = tablesOf(db);
  const [row] = await db
    .select({ attribute: labelAttributes, label: { id: labels.id, name: labels.name } })
    .from(labelAttributes)
    .innerJoin(labels, eq(labels.id, labelAttributes.labelId))
    .where(and(eq(labelAttributes.id, attributeId), eq(labels.projectId, projectId)))
    .limit(1);
  if (!row) throw new DomainError("NOT_FOUND", `no attribute ${attributeId} in this project`);
  return row;
}

async function checkAttribute(
  db: Queryable,
  projectId: number,
  label: { id: number; name: string },
  attributeId: number | null,
  values: AttributeFields,
) {
  const { labelAttributes } = tablesOf(db);
  const what = `attribute ${values.name}`;
  if (values.kind === "choice" && values.options.length === 0) {
    throw new DomainError("BAD_REQUEST", `${what} is a choice: give it at least one option`);
  }
  if (values.kind !== "choice" && values.options.length > 0) {
    throw new DomainError(
      "BAD_REQUEST",
      `${what} is ${values.kind === "boolean" ? "a boolean" : "free text"}: only a choice has options`,
    );
  }
  const repeated = values.options.find((option, i) => values.options.indexOf(option) !== i);
  if (repeated !== undefined) {
    throw new DomainError("BAD_REQUEST", `option “${repeated}” of ${what} is given twice`);
  }
  const others = await db
    .select({ id: labelAttributes.id, name: labelAttributes.name })
    .from(labelAttributes)
    .where(eq(labelAttributes.labelId, label.id));
  assertNameFree(`attribute name of ${label.name}`, values.name, attributeId, others);
  await assertHotkeyFree(db, projectId, values.hotkey, {
    kind: "attribute",
    id: attributeId ?? 0,
    labelId: label.id,
  });
}
