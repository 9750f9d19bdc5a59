import { describe, expect, it } from "vitest";
import { tablesOf } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { createProject, setMembership } from "../services/projects";
import { callerAs } from "../test-support/callers";
import { expectTrpcError } from "../test-support/trpc-errors";
import { newUser } from "../test-support/users";

async function setUp() {
  const db = await openTestDatabase();
  const owner = await newUser(db, "owner");
  const known = await newUser(db, "known");
  const project = await createProject(db, {
    slug: "p",
    name: "P",
    labels: ["A"],
    ownerId: owner.id,
  });
  return { db, owner, known, project, caller: callerAs(db, owner) };
}

/** An answer with each value reduced to its type: what could tell one address from another. */
const shapeOf = (answer: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(answer).map(([key, value]) => [key, typeof value]));

describe("member.add", () => {
  it("answers a known and an unknown e-mail alike, with an invitation and its link", async () => {
    const { db, caller } = await setUp();
    const forKnown = await caller.member.add({
      projectSlug: "p",
      email: "Known@Example.com",
      role: "annotator",
    });
    const forUnknown = await caller.member.add({
      projectSlug: "p",
      email: "nobody@example.com",
      role: "annotator",
    });
    expect(shapeOf(forKnown)).toEqual(shapeOf(forUnknown));
    expect(Object.keys(forKnown).sort()).toEqual(["email", "id", "path", "role"]);
    expect(forKnown).toMatchObject({ email: "known@example.com", role: "annotator" });
    expect(forKnown.path).toMatch(/^\/invite\/[\w-]{43}$/);
    // Nobody joined: the known account is no more a member than the unknown address.
    expect((await caller.member.list({ projectSlug: "p" })).map((m) => m.name)).toEqual(["owner"]);
    expect(await db.select().from(tablesOf(db).users)).toHaveLength(2);
  });

  it("stores only a hash of the link's token", async () => {
    const { db, caller } = await setUp();
    const { path } = await caller.member.add({
      projectSlug: "p",
      email: "x@example.com",
      role: "reviewer",
    });
    const token = path.split("/").pop() ?? "";
    const stored = JSON.stringify(await db.query.invitations.findMany());
    expect(stored).not.toContain(token);
  });

  it("refuses an address that is already a member, and replaces a pending invitation", async () => {
    const { caller } = await setUp();
    await expectTrpcError(
      caller.member.add({ projectSlug: "p", email: "owner@example.com", role: "annotator" }),
      "CONFLICT",
      /already a member/,
    );
    await caller.member.add({ projectSlug: "p", email: "x@example.com", role: "annotator" });
    await caller.member.add({ projectSlug: "p", email: "x@example.com", role: "reviewer" });
    const pending = await caller.member.invitations({ projectSlug: "p" });
    expect(pending.map(({ email, role }) => ({ email, role }))).toEqual([
      { email: "x@example.com", role: "reviewer" },
    ]);
    expect(pending[0]?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
  });
});

describe("member.revokeInvitation", () => {
  it("revokes an invitation of this project only", async () => {
    const { db, owner, caller } = await setUp();
    const other = await createProject(db, { slug: "q", name: "Q", labels: ["A"] });
    await setMembership(db, other.id, owner.id, "owner");
    const inOther = await caller.member.add({
      projectSlug: "q",
      email: "x@example.com",
      role: "annotator",
    });
    await expectTrpcError(
      caller.member.revokeInvitation({ projectSlug: "p", invitationId: inOther.id }),
      "NOT_FOUND",
    );
    expect(await caller.member.invitations({ projectSlug: "q" })).toHaveLength(1);
    await caller.member.revokeInvitation({ projectSlug: "q", invitationId: inOther.id });
    expect(await caller.member.invitations({ projectSlug: "q" })).toEqual([]);
  });
});
