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

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
  });
});
