import { getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { copiedTables, copyDatabase } from "./copy-database";
import { openMigratedDatabase, tablesOf, type Db } from "./open-database";
import * as schema from "./schema";
import { closeAfterTests, openTestDatabase } from "./test-support/test-database";

// More spans than one batch holds, so reading resumes after a key.
const spanCount = 7_000;

async function fill(db: Db) {
  const t = tablesOf(db);
  await db.insert(t.users).values([
    { id: 1, name: "ann", email: "ann@example.org", passwordHash: "h", isAdmin: true },
    { id: 2, name: "bob", deactivated: true, sessionVersion: 3 },
  ]);
  await db
    .insert(t.projects)
    .values({ id: 1, slug: "kursk", name: "Kursk", goldAcceptShare: 0.67 });
  await db.insert(t.memberships).values({ projectId: 1, userId: 2, role: "annotator" });
  await db
    .insert(t.labels)
    .values({ id: 1, projectId: 1, name: "PER", color: "#f00", position: 0 });
  await db
    .insert(t.documents)
    .values({ id: 1, projectId: 1, text: "Kim Jong Un …", meta: { b: 1, a: [2, "ü"] } });
  await db.insert(t.annotations).values([
    { id: 1, documentId: 1, userId: 2, status: "submitted", version: 4 },
    { id: 2, documentId: 1, userId: null, curatedBy: 1 },
  ]);
  const spans = Array.from({ length: spanCount }, (_, i) => ({
    annotationId: 1,
    start: i,
    end: i + 1,
    labelId: 1,
  }));
  for (let i = 0; i < spans.length; i += 4_000) {
    await db.insert(t.spans).values(spans.slice(i, i + 4_000));
  }
  await db.insert(t.goldRejections).values({ annotationId: 2, start: 0, end: 3 });
  await db.insert(t.assignments).values({ documentId: 1, userId: 2, position: 0 });
  await db.insert(t.rateLimits).values({ key: "sign-in:ann", points: 2, expire: new Date(1e12) });
  await db.insert(t.invitations).values({
    projectId: 1,
    email: "cat@example.org",
    role: "reviewer",
    tokenHash: "x",
    invitedBy: 1,
    expiresAt: new Date(2e12),
  });
}

const openSqlite = async () => closeAfterTests(await openMigratedDatabase(":memory:"));

// Thousands of rows through two databases: seconds on a busy machine.
describe("copying a whole database", { timeout: 60_000 }, () => {
  it("copies every table of the schema", () => {
    const tables = Object.values(schema).filter((value) => is(value, SQLiteTable));
    expect(copiedTables.map(([name]) => getTableName(schema[name])).sort()).toEqual(
      tables.map((table) => getTableName(table)).sort(),
    );
  });

  it("goes there and back with the same rows, counted and checksummed", async () => {
    const source = await openSqlite();
    await fill(source);
    const middle = await openTestDatabase();
    const progress: string[] = [];
    const there = await copyDatabase(source, middle, {
      onProgress: ({ table, copied, total }) => progress.push(`${table} ${copied}/${total}`),
    });
    expect(there.find((check) => check.table === "spans")?.rows).toBe(spanCount);
    expect(progress).toContain(`spans ${spanCount}/${spanCount}`);
    const back = await openSqlite();
    expect(await copyDatabase(middle, back)).toEqual(there);
    const { users, documents } = tablesOf(back);
    expect((await back.select().from(documents))[0]?.meta).toEqual({ b: 1, a: [2, "ü"] });
    expect(
      (await back.select({ id: users.id }).from(users).orderBy(users.id)).map((user) => user.id),
    ).toEqual([1, 2]);
    // Ids were copied: the next one the target gives follows them.
    const [next] = await middle
      .insert(tablesOf(middle).users)
      .values({ name: "dan" })
      .returning({ id: tablesOf(middle).users.id });
    expect(next?.id).toBe(3);
  });

  it("refuses a target that holds rows unless forced, and then replaces them", async () => {
    const source = await openSqlite();
    await fill(source);
    const target = await openTestDatabase();
    await target.insert(tablesOf(target).users).values({ name: "zed" });
    await expect(copyDatabase(source, target)).rejects.toThrow(
      "the target database is not empty (users: 1); add --force to replace what it holds",
    );
    expect(await target.$count(tablesOf(target).spans)).toBe(0);
    await copyDatabase(source, target, { force: true });
    const names = await target
      .select({ name: tablesOf(target).users.name })
      .from(tablesOf(target).users);
    expect(names.map((user) => user.name).sort()).toEqual(["ann", "bob"]);
  });
});
