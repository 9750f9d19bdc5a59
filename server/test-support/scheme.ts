// Test support: a project's scheme seeded directly, so a test does not depend on the scheme API.
import { count, eq } from "drizzle-orm";
import { tablesOf, type Db } from "@/db/open-database";
import { returnedRow } from "@/db/returned-row";
import type { AttributeKind } from "@/db/schema";

export async function addRelationType(
  db: Db,
  projectId: number,
  fields: {
    name: string;
    color?: string;
    hotkey?: string | null;
    directed?: boolean;
    sourceLabelIds?: number[];
    targetLabelIds?: number[];
  },
): Promise<number> {
  const { relationTypes } = tablesOf(db);
  const [existing] = await db
    .select({ n: count() })
    .from(relationTypes)
    .where(eq(relationTypes.projectId, projectId));
  const row = returnedRow(
    await db
      .insert(relationTypes)
      .values({ color: "#6b7280", ...fields, projectId, position: existing?.n ?? 0 })
      .returning({ id: relationTypes.id }),
  );
  return row.id;
}

export async function addLabelAttribute(
  db: Db,
  labelId: number,
  fields: { name: string; kind: AttributeKind; options?: string[]; hotkey?: string | null },
): Promise<number> {
  const { labelAttributes } = tablesOf(db);
  const [existing] = await db
    .select({ n: count() })
    .from(labelAttributes)
    .where(eq(labelAttributes.labelId, labelId));
  const row = returnedRow(
    await db
      .insert(labelAttributes)
      .values({ ...fields, labelId, position: existing?.n ?? 0 })
      .returning({ id: labelAttributes.id }),
  );
  return row.id;
}

/** A document label set with its options; answers the set's id and its options' ids by name. */
export async function addDocumentLabelSet(
  db: Db,
  projectId: number,
  fields: { name: string; multiple?: boolean; options: string[] },
): Promise<{ id: number; options: Record<string, number> }> {
  const { documentLabelSets, documentLabelOptions } = tablesOf(db);
  const [existing] = await db
    .select({ n: count() })
    .from(documentLabelSets)
    .where(eq(documentLabelSets.projectId, projectId));
  const set = returnedRow(
    await db
      .insert(documentLabelSets)
      .values({
        projectId,
        name: fields.name,
        multiple: fields.multiple ?? false,
        position: existing?.n ?? 0,
      })
      .returning({ id: documentLabelSets.id }),
  );
  const options: Record<string, number> = {};
  for (const [position, name] of fields.options.entries()) {
    const option = returnedRow(
      await db
        .insert(documentLabelOptions)
        .values({ setId: set.id, name, position })
        .returning({ id: documentLabelOptions.id }),
    );
    options[name] = option.id;
  }
  return { id: set.id, options };
}
