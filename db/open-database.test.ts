import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "./schema";
import { openDatabase } from "./open-database";

describe("statements prepared once and reused", () => {
  it("reuses a query's statement, in the mode each caller asks for", () => {
    const db = openDatabase(":memory:");
    db.insert(users).values({ name: "ann", email: "ann@example.org" }).run();
    const source = "SELECT name FROM users";
    expect(db.$client.prepare(source)).toBe(db.$client.prepare(source));
    expect(db.$client.prepare(source).raw().get()).toEqual(["ann"]);
    // Drizzle's builder reads raw rows, its sql`` queries objects, from statements it prepares.
    expect(db.select({ name: users.name }).from(users).all()).toEqual([{ name: "ann" }]);
    expect(db.all(sql.raw(source))).toEqual([{ name: "ann" }]);
    expect(db.$client.prepare(source).pluck().get()).toBe("ann");
    expect(db.$client.prepare(source).get()).toEqual({ name: "ann" });
  });

  it("gives a statement still being iterated to nobody else", () => {
    const db = openDatabase(":memory:");
    db.insert(users)
      .values([{ name: "ann" }, { name: "bob" }])
      .run();
    const source = "SELECT name FROM users ORDER BY name";
    const names: string[] = [];
    for (const row of db.$client.prepare(source).iterate() as Iterable<{ name: string }>) {
      names.push(
        row.name,
        ...db.$client
          .prepare(source)
          .all()
          .map((r) => (r as { name: string }).name),
      );
    }
    expect(names).toEqual(["ann", "ann", "bob", "bob", "ann", "bob"]);
  });
});
