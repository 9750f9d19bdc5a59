import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("refuses to run in production without a secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET is required/);
  });

  it("signs with the current secret and still accepts the previous one while it retires", () => {
    const env = parseEnv({ AUTH_SECRET: "new", AUTH_SECRET_PREVIOUS: "old" });
    expect(env.authSecrets).toEqual(["new", "old"]);
    expect(parseEnv({ AUTH_SECRET: "new" }).authSecrets).toEqual(["new"]);
  });

  it("takes SQLite paths and PostgreSQL URLs, and refuses a database it cannot use instead of taking it for a file path", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://concord@db.example/concord" })).toThrow(
      "Invalid environment variable DATABASE_URL: mysql: databases are not supported",
    );
    const postgres = "postgres://concord@db.example/concord";
    expect(parseEnv({ DATABASE_URL: postgres }).DATABASE_URL).toBe(postgres);
    expect(parseEnv({ DATABASE_URL: "file:data/team.db" }).DATABASE_URL).toBe("file:data/team.db");
    expect(parseEnv({ DATABASE_URL: "C:\\concord\\team.db" }).DATABASE_URL).toBe(
      "C:\\concord\\team.db",
    );
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
  });
});
