import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/db/test-support/test-database";
import { resetPassword, setDeactivated } from "../services/accounts";
import { createUser, endSessions } from "../services/users";
import { findSessionUser } from "./active-user";

const sessionOf = (id: number, sessionVersion: number) => ({
  user: { id: String(id) },
  sessionVersion,
  expires: new Date(Date.now() + 60_000).toISOString(),
});

describe("a session ends with its account's sign-out, deactivation or new password", () => {
  it("refuses a session issued before the account signed out, and takes one issued after", async () => {
    const db = await openTestDatabase();
    const ann = await createUser(db, {
      email: "ann@example.org",
      name: "ann",
      password: "long enough",
    });
    expect(await findSessionUser(db, sessionOf(ann.id, 0))).toMatchObject({ name: "ann" });
    await endSessions(db, ann.id);
    expect(await findSessionUser(db, sessionOf(ann.id, 0))).toBeNull();
    expect(await findSessionUser(db, sessionOf(ann.id, 1))).toMatchObject({ name: "ann" });
  });

  it("ends the sessions of a deactivated account and of one given a new password", async () => {
    const db = await openTestDatabase();
    const admin = await createUser(db, {
      email: "a@example.org",
      name: "admin",
      password: "long enough",
    });
    const bob = await createUser(db, {
      email: "b@example.org",
      name: "bob",
      password: "long enough",
    });
    await resetPassword(db, bob.id, "another long one");
    expect(await findSessionUser(db, sessionOf(bob.id, 0))).toBeNull();
    await setDeactivated(db, bob.id, true, admin.id);
    await setDeactivated(db, bob.id, false, admin.id);
    // Reactivating does not bring back the sessions the deactivation ended.
    expect(await findSessionUser(db, sessionOf(bob.id, 1))).toBeNull();
    expect(await findSessionUser(db, sessionOf(bob.id, 3))).toMatchObject({ name: "bob" });
  });
});
