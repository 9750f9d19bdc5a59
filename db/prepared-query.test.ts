import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tablesOf } from "./open-database";
import { preparedQuery } from "./prepared-query";
import { openTestDatabase } from "./test-support/test-database";

let builds = 0;
const findName = preparedQuery((db, { users }) => {
  builds++;
  return db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.email, sql.placeholder("email")));
});

describe("a query prepared once per database", () => {
  it("is built once per database session, and answers from each database's own rows", async () => {
    const first = await openTestDatabase();
    const second = await openTestDatabase();
    await first.insert(tablesOf(first).users).values({ name: "ann", email: "a@example.org" });
    await second.insert(tablesOf(second).users).values({ name: "bob", email: "a@example.org" });
    const before = builds;
    expect(await findName(first).first({ email: "a@example.org" })).toEqual({ name: "ann" });
    expect(await findName(second).first({ email: "a@example.org" })).toEqual({ name: "bob" });
    expect(await findName(first).all({ email: "b@example.org" })).toEqual([]);
    expect(builds - before).toBe(2);
  });

  it("sees a transaction's own writes inside it and nothing of them after a rollback", async () => {
    const db = await openTestDatabase();
    const { users } = tablesOf(db);
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(users).values({ name: "cat", email: "c@example.org" });
        expect(await findName(tx).first({ email: "c@example.org" })).toEqual({ name: "cat" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await findName(db).first({ email: "c@example.org" })).toBeUndefined();
  });
});
