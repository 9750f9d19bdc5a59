import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./open-database";
import { preparedQuery } from "./prepared-query";
import { users } from "./schema";

let builds = 0;
const findName = preparedQuery((db) => {
  builds++;
  return db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.email, sql.placeholder("email")))
    .prepare();
});

describe("a query prepared once per database", () => {
  it("is built once for a database and its transactions, and answers from each database's own rows", () => {
    const first = openDatabase(":memory:");
    const second = openDatabase(":memory:");
    first.insert(users).values({ name: "ann", email: "a@example.org" }).run();
    second.insert(users).values({ name: "bob", email: "a@example.org" }).run();
    const before = builds;
    expect(findName(first).get({ email: "a@example.org" })).toEqual({ name: "ann" });
    expect(findName(second).get({ email: "a@example.org" })).toEqual({ name: "bob" });
    first.transaction((tx) => findName(tx).get({ email: "a@example.org" }));
    expect(findName(first).get({ email: "b@example.org" })).toBeUndefined();
    expect(builds - before).toBe(2);
  });

  it("sees a transaction's own writes inside it and nothing of them after a rollback", () => {
    const db = openDatabase(":memory:");
    expect(() =>
      db.transaction((tx) => {
        tx.insert(users).values({ name: "cat", email: "c@example.org" }).run();
        expect(findName(tx).get({ email: "c@example.org" })).toEqual({ name: "cat" });
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(findName(db).get({ email: "c@example.org" })).toBeUndefined();
  });
});
