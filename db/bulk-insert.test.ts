import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { insertRows } from "./bulk-insert";
import { tablesOf } from "./open-database";
import { openTestDatabase } from "./test-support/test-database";

describe("insertRows", () => {
  it("gives the new ids in the rows' order, with every value stored as given", async () => {
    const db = await openTestDatabase();
    const { documents, projects } = tablesOf(db);
    const [project] = await db
      .insert(projects)
      .values({ slug: "p", name: "P" })
      .returning({ id: projects.id });
    const rows = Array.from({ length: 10_005 }, (_, i) => ({
      projectId: project?.id ?? 0,
      externalId: i % 2 ? `d${i}` : null,
      text: `"quoted" \\ back{slash}, 😀 ${i}`,
      meta: { n: i, note: 'a "b" \\ {c}', list: [i, null] },
    }));
    const ids = await db.transaction((tx) => insertRows(tx, documents, rows));
    const stored = await db
      .select({
        id: documents.id,
        projectId: documents.projectId,
        externalId: documents.externalId,
        text: documents.text,
        meta: documents.meta,
      })
      .from(documents)
      .where(eq(documents.projectId, project?.id ?? 0))
      .orderBy(asc(documents.id));
    expect(stored.map((row) => row.id)).toEqual(ids);
    expect(stored.map(({ id: _, ...row }) => row)).toEqual(rows);
  });

  it("inserts nothing for no rows", async () => {
    const db = await openTestDatabase();
    expect(await insertRows(db, tablesOf(db).users, [])).toEqual([]);
  });
});
