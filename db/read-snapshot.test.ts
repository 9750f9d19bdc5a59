import { describe, expect, it } from "vitest";
import { openDatabase, openMigratedDatabase, tablesOf } from "./open-database";
import { readInSnapshot } from "./read-snapshot";
import { closeAfterTests, testDatabaseUrl } from "./test-support/test-database";

describe("a read snapshot", () => {
  it("sees one state of the data while another connection writes", async () => {
    const url = await testDatabaseUrl();
    const writer = closeAfterTests(await openMigratedDatabase(url));
    const reader = closeAfterTests(openDatabase(url));
    await writer.insert(tablesOf(writer).users).values({ name: "ann" });
    const seen = await readInSnapshot(reader, async (snapshot) => {
      const { users } = tablesOf(snapshot);
      const before = await snapshot.$count(users);
      await writer.insert(tablesOf(writer).users).values({ name: "bob" });
      return [before, await snapshot.$count(users)];
    });
    expect(seen).toEqual([1, 1]);
    expect(await reader.$count(tablesOf(reader).users)).toBe(2);
  });

  it("writes nothing, and leaves its connection able to write after", async () => {
    const db = closeAfterTests(await openMigratedDatabase(await testDatabaseUrl()));
    const { users } = tablesOf(db);
    await expect(
      readInSnapshot(db, (snapshot) =>
        snapshot.insert(tablesOf(snapshot).users).values({ name: "cat" }),
      ),
    ).rejects.toSatisfy(isReadOnlyRefusal);
    await db.insert(users).values({ name: "dan" });
    expect(await db.select({ name: users.name }).from(users)).toEqual([{ name: "dan" }]);
  });
});

// SQLite: "attempt to write a readonly database"; PostgreSQL: "... in a read-only transaction",
// on the cause of Drizzle's error.
function isReadOnlyRefusal(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (/read-?only/i.test(cause.message)) return true;
  }
  return false;
}
