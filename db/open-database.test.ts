import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "./errors";
import { dialectOf, tablesOf } from "./open-database";
import { postgresServer } from "./test-support/postgres-server";
import { openTestDatabase } from "./test-support/test-database";

describe("the database, on SQLite and on PostgreSQL", () => {
  it("answers awaited queries and gives each database its own tables", async () => {
    const db = await openTestDatabase();
    const { users } = tablesOf(db);
    await db.insert(users).values({ name: "ann", email: "ann@example.org" });
    expect(await db.select({ name: users.name }).from(users)).toEqual([{ name: "ann" }]);
    expect(dialectOf(db)).toBe(postgresServer ? "postgres" : "sqlite");
  });

  it("commits a transaction whole or not at all", async () => {
    const db = await openTestDatabase();
    const { users } = tablesOf(db);
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(users).values({ name: "bob" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await db.transaction(async (tx) => {
      await tx.insert(users).values({ name: "cat" });
    });
    expect(await db.select({ name: users.name }).from(users)).toEqual([{ name: "cat" }]);
  });

  it("keeps other requests' statements out of an open transaction", async () => {
    const db = await openTestDatabase();
    const { users } = tablesOf(db);
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const failing = db.transaction(async (tx) => {
      await tx.insert(users).values({ name: "dan" });
      opened();
      // Holds the transaction open while the other request reads; real ones await only queries.
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error("roll back");
    });
    await open;
    const seen = await db.select().from(users);
    await expect(failing).rejects.toThrow("roll back");
    expect(seen).toEqual([]);
  });

  it("refuses the database's own handle inside its transaction, instead of waiting forever", async () => {
    const db = await openTestDatabase();
    const { users } = tablesOf(db);
    const misuse = db.transaction(async (tx) => {
      await tx.insert(users).values({ name: "fay" });
      return db.select().from(users);
    });
    if (dialectOf(db) === "sqlite") {
      await expect(misuse).rejects.toThrow(/inside one of its transactions/);
    } else {
      // PostgreSQL answers from another connection, which does not see the transaction yet.
      expect(await misuse).toEqual([]);
    }
  });

  it("tells a unique violation from other failures", async () => {
    const db = await openTestDatabase();
    const { users } = tablesOf(db);
    await db.insert(users).values({ name: "eve" });
    const duplicate = await db
      .insert(users)
      .values({ name: "eve" })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isUniqueViolation(duplicate)).toBe(true);
    const other = await db
      .update(users)
      .set({ name: sql`missing_column` })
      .where(eq(users.id, 1))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(other).toBeInstanceOf(Error);
    expect(isUniqueViolation(other)).toBe(false);
  });
});
