import { describe, expect, it } from "vitest";
import { databaseTarget, describeDatabaseUrl, findDatabaseUrlProblem } from "./database-url";

describe("DATABASE_URL", () => {
  it("takes a path or file: for SQLite and postgres:// or postgresql:// for PostgreSQL", () => {
    expect(databaseTarget("data/concord.db")).toEqual({
      dialect: "sqlite",
      file: "data/concord.db",
    });
    expect(databaseTarget("file:data/c.db")).toEqual({ dialect: "sqlite", file: "data/c.db" });
    expect(databaseTarget("C:\\data\\c.db")).toEqual({ dialect: "sqlite", file: "C:\\data\\c.db" });
    for (const url of ["postgres://u:p@db:5432/concord", "postgresql://db/concord"]) {
      expect(findDatabaseUrlProblem(url)).toBeNull();
      expect(databaseTarget(url)).toEqual({ dialect: "postgres", url });
    }
  });

  it("names what is wrong with a URL it cannot use", () => {
    expect(findDatabaseUrlProblem("mysql://db/concord")).toMatch(
      /^mysql: databases are not supported/,
    );
    expect(findDatabaseUrlProblem("postgres://u:secret@db:5432")).toBe(
      "postgres://u:***@db:5432 names no database: add it after the host, as in postgres://host:5432/concord",
    );
  });

  it("never shows the password", () => {
    expect(describeDatabaseUrl("postgres://ann:s3cret@db:5432/concord")).toBe(
      "postgres://ann:***@db:5432/concord",
    );
  });
});
