import { describe, expect, it } from "vitest";
import { openDatabase, reopenableUrl } from "./open-database";
import { closeAfterTests, testDatabaseUrl } from "./test-support/test-database";

describe("the URL that reopens a database", () => {
  it("is the one it was opened from", async () => {
    const url = await testDatabaseUrl();
    const db = closeAfterTests(openDatabase(url));
    expect(reopenableUrl(db)).toBe(url);
    // Another connection would not see a transaction's writes before it commits.
    await db.transaction(async (tx) => expect(reopenableUrl(tx)).toBeUndefined());
  });

  it("is none for a private in-memory database", () => {
    expect(reopenableUrl(closeAfterTests(openDatabase(":memory:")))).toBeUndefined();
  });
});
