import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, openMigratedDatabase, type Db } from "@/db/open-database";
import {
  closeAfterTests,
  openTestDatabase,
  testDatabaseUrl,
} from "@/db/test-support/test-database";
import {
  assertSignInAllowed,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  SignInThrottledError,
  verifyThrottledCredentials,
} from "./sign-in-throttle";
import { createUser } from "./users";

afterEach(() => vi.useRealTimers());

const ann = { email: "ann@example.org", address: "192.0.2.1" };

async function failTimes(db: Db, times: number, attempt = ann) {
  for (let i = 0; i < times; i++) await recordFailedSignIn(db, attempt);
}

describe("sign-in throttling", () => {
  it("refuses an account after five failures, names the wait, and lets it in after the window", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const db = await openTestDatabase();
    await failTimes(db, 4);
    await expect(assertSignInAllowed(db, ann)).resolves.toBeUndefined();
    await failTimes(db, 1);
    const refusal = await assertSignInAllowed(db, ann).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SignInThrottledError);
    expect((refusal as Error).message).toBe("too many failed sign-ins: try again in 15 minutes");

    // The same e-mail in other letter case, from another address, is the same account.
    const elsewhere = { email: "ANN@example.org", address: "198.51.100.7" };
    await expect(assertSignInAllowed(db, elsewhere)).rejects.toThrow(SignInThrottledError);
    await expect(
      assertSignInAllowed(db, { email: "bob@example.org", address: "198.51.100.7" }),
    ).resolves.toBeUndefined();

    vi.setSystemTime(Date.now() + 15 * 60_000 + 1_000);
    await expect(assertSignInAllowed(db, ann)).resolves.toBeUndefined();
  });

  it("counts per client address across accounts", async () => {
    const db = await openTestDatabase();
    for (let i = 0; i < 50; i++) {
      await recordFailedSignIn(db, { email: `guess${i}@example.org`, address: "203.0.113.9" });
    }
    await expect(
      assertSignInAllowed(db, { email: "new@example.org", address: "203.0.113.9" }),
    ).rejects.toThrow(SignInThrottledError);
    await expect(
      assertSignInAllowed(db, { email: "new@example.org", address: "203.0.113.10" }),
    ).resolves.toBeUndefined();
  });

  it("forgets an account's failures once it signs in", async () => {
    const db = await openTestDatabase();
    await failTimes(db, 4);
    await recordSuccessfulSignIn(db, ann);
    await failTimes(db, 4);
    await expect(assertSignInAllowed(db, ann)).resolves.toBeUndefined();
  });

  it("keeps counting across a restart, since the counts live in the database", async () => {
    const url = await testDatabaseUrl();
    const before = await openMigratedDatabase(url);
    await failTimes(before, 5);
    await closeDatabase(before);
    const after = closeAfterTests(await openMigratedDatabase(url));
    await expect(assertSignInAllowed(after, ann)).rejects.toThrow(SignInThrottledError);
  });

  it("refuses even the right password while throttled, and takes it again after the window", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const db = await openTestDatabase();
    await createUser(db, { email: ann.email, name: "ann", password: "the right one" });
    const signIn = (password: string) => verifyThrottledCredentials(db, { ...ann, password });
    for (let i = 0; i < 5; i++) await expect(signIn("wrong")).resolves.toBeNull();
    await expect(signIn("the right one")).rejects.toThrow(SignInThrottledError);
    vi.setSystemTime(Date.now() + 15 * 60_000 + 1_000);
    await expect(signIn("the right one")).resolves.toMatchObject({ name: "ann" });
  });
});
