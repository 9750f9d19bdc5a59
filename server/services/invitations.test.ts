import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tablesOf } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { expectDomainError } from "../test-support/trpc-errors";
import { newUser } from "../test-support/users";
import {
  acceptInvitation,
  acceptInvitationWithPassword,
  findOpenInvitation,
  invitationLifetimeMs,
  inviteByEmail,
  listPendingInvitations,
  noLongerValid,
  revokeInvitation,
} from "./invitations";
import { createProject, findMembership, setMembership } from "./projects";
import { verifyCredentials } from "./users";

const invalid = new RegExp(noLongerValid);

async function setUp() {
  const db = await openTestDatabase();
  const owner = await newUser(db, "owner");
  const project = await createProject(db, {
    slug: "p",
    name: "Kursk",
    labels: ["A"],
    ownerId: owner.id,
  });
  const invite = async (email: string, role: "annotator" | "reviewer" | "owner" = "annotator") => {
    const invitation = await inviteByEmail(db, {
      projectId: project.id,
      email,
      role,
      invitedBy: owner.id,
    });
    return { ...invitation, token: invitation.path.slice("/invite/".length) };
  };
  const addImported = () =>
    db.insert(tablesOf(db).users).values({ name: "imported", email: "imported@example.com" });
  return { db, owner, project, invite, addImported };
}

describe("opening an invitation link", () => {
  it("shows the project and role, and what the invitee must do", async () => {
    const { db, invite, addImported } = await setUp();
    await newUser(db, "ann");
    await addImported();
    const { token } = await invite("new@example.com", "reviewer");
    expect(await findOpenInvitation(db, token)).toMatchObject({
      projectName: "Kursk",
      role: "reviewer",
      email: "new@example.com",
      account: "new",
    });
    const ann = await invite("ann@example.com");
    expect((await findOpenInvitation(db, ann.token))?.account).toBe("sign-in");
    const imported = await invite("imported@example.com");
    expect((await findOpenInvitation(db, imported.token))?.account).toBe("set-password");
  });

  it("opens nothing for an unknown, revoked, replaced or expired token", async () => {
    const { db, project, invite } = await setUp();
    expect(await findOpenInvitation(db, "not-a-token")).toBeNull();
    const revoked = await invite("a@example.com");
    await revokeInvitation(db, project.id, revoked.id);
    expect(await findOpenInvitation(db, revoked.token)).toBeNull();
    const replaced = await invite("b@example.com");
    await invite("b@example.com");
    expect(await findOpenInvitation(db, replaced.token)).toBeNull();
    const expiring = await invite("c@example.com");
    const later = new Date(Date.now() + invitationLifetimeMs + 1000);
    expect(await findOpenInvitation(db, expiring.token, later)).toBeNull();
    const pending = await listPendingInvitations(db, project.id, later);
    expect(pending.map((i) => [i.email, i.expired])).toEqual([
      ["b@example.com", true],
      ["c@example.com", true],
    ]);
    await expectDomainError(
      () =>
        acceptInvitationWithPassword(
          db,
          expiring.token,
          { name: "c", password: "long enough" },
          later,
        ),
      "NOT_FOUND",
      invalid,
    );
  });
});

describe("accepting with a new password", () => {
  it("creates the account and the membership once; the link then opens nothing", async () => {
    const { db, project, invite } = await setUp();
    const { token } = await invite("New@Example.com", "reviewer");
    const accepted = await acceptInvitationWithPassword(db, token, {
      name: "Nina",
      password: "a long password",
    });
    expect(accepted).toEqual({ projectSlug: "p", email: "new@example.com" });
    const nina = await verifyCredentials(db, "new@example.com", "a long password");
    expect(nina?.name).toBe("Nina");
    expect((await findMembership(db, project.id, nina?.id ?? 0))?.role).toBe("reviewer");
    expect(await findOpenInvitation(db, token)).toBeNull();
    await expectDomainError(
      () => acceptInvitationWithPassword(db, token, { name: "Eve", password: "another one!" }),
      "NOT_FOUND",
      invalid,
    );
    expect(await verifyCredentials(db, "new@example.com", "another one!")).toBeNull();
  });

  it("follows the password and name rules, and a refusal leaves the link usable", async () => {
    const { db, invite } = await setUp();
    const { token } = await invite("new@example.com");
    await expectDomainError(
      () => acceptInvitationWithPassword(db, token, { name: "Nina", password: "short" }),
      "BAD_REQUEST",
      /at least 8 characters/,
    );
    await expectDomainError(
      () => acceptInvitationWithPassword(db, token, { name: "owner", password: "long enough" }),
      "CONFLICT",
      /named "owner" already exists/,
    );
    expect(await findOpenInvitation(db, token)).not.toBeNull();
  });

  it("gives an imported account without a password its password, keeping its name", async () => {
    const { db, invite, addImported } = await setUp();
    await addImported();
    const { token } = await invite("imported@example.com");
    await acceptInvitationWithPassword(db, token, { name: "", password: "long enough" });
    expect((await verifyCredentials(db, "imported@example.com", "long enough"))?.name).toBe(
      "imported",
    );
  });

  it("never sets the password of an account that has one", async () => {
    const { db, invite } = await setUp();
    await newUser(db, "ann");
    const { token } = await invite("ann@example.com");
    await expectDomainError(
      () => acceptInvitationWithPassword(db, token, { name: "x", password: "taken over!" }),
      "CONFLICT",
      /sign in to accept/,
    );
    const { users } = tablesOf(db);
    const [ann] = await db.select().from(users).where(eq(users.name, "ann"));
    expect(await bcrypt.compare("long enough", ann?.passwordHash ?? "")).toBe(true);
  });
});

describe("accepting as a signed-in account", () => {
  it("joins only the invited address, once", async () => {
    const { db, project, invite } = await setUp();
    const ann = await newUser(db, "ann");
    const bob = await newUser(db, "bob");
    const { token } = await invite("ann@example.com", "reviewer");
    await expectDomainError(() => acceptInvitation(db, token, bob), "FORBIDDEN", /ann@example.com/);
    expect(await findMembership(db, project.id, bob.id)).toBeUndefined();
    expect(await acceptInvitation(db, token, ann)).toEqual({ projectSlug: "p" });
    expect((await findMembership(db, project.id, ann.id))?.role).toBe("reviewer");
    await expectDomainError(() => acceptInvitation(db, token, ann), "NOT_FOUND", invalid);
  });

  it("keeps the role of someone who became a member meanwhile", async () => {
    const { db, project, invite } = await setUp();
    const ann = await newUser(db, "ann");
    const { token } = await invite("ann@example.com", "annotator");
    await setMembership(db, project.id, ann.id, "owner");
    await acceptInvitation(db, token, ann);
    expect((await findMembership(db, project.id, ann.id))?.role).toBe("owner");
  });
});
