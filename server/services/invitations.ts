import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { returnedRow } from "@/db/returned-row";
import { tablesOf, type Db, type Queryable, type Tx } from "@/db/open-database";
import type { MemberRole } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import { findMembership, setMembership } from "./projects";
import { bcryptCost, insertUser, newUserSchema, parseNewUser } from "./users";

/**
 * Invitations: how an owner adds a member by e-mail. Every address gets the same answer, an
 * invitation with a one-time link, so the owner never learns which addresses have an account.
 * Whoever opens the link learns what the invitee needs to know (sign in, or choose a password):
 * the link is meant for the invitee, as an e-mailed link would be.
 */
export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;
export const noLongerValid =
  "This invitation link is no longer valid — ask the project owner for a new one";

/** What the invitee does with the link: make an account, give theirs a password, or sign in. */
export type InviteeAccount = "new" | "set-password" | "sign-in";

type NewInvitation = { projectId: number; email: string; role: MemberRole; invitedBy: number };

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
const normalized = (email: string) => email.trim().toLowerCase();

/**
 * Offers a role to an address, known or not. Only a current member's address is refused, which
 * tells the owner nothing their members table does not. A new invitation replaces the address's
 * pending one, so one link per address and project is live.
 */
export function inviteByEmail(db: Db, input: NewInvitation, now = new Date()) {
  const email = normalized(input.email);
  const token = randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    const { invitations } = tablesOf(tx);
    if (await isMemberByEmail(tx, input.projectId, email))
      throw new DomainError("CONFLICT", `${email} is already a member of this project`);
    await tx.delete(invitations).where(pendingFor(tx, input.projectId, email));
    const invitation = returnedRow(
      await tx
        .insert(invitations)
        .values({
          projectId: input.projectId,
          email,
          role: input.role,
          tokenHash: hashOf(token),
          invitedBy: input.invitedBy,
          createdAt: now,
          expiresAt: new Date(now.getTime() + invitationLifetimeMs),
        })
        .returning({ id: invitations.id, email: invitations.email, role: invitations.role }),
    );
    return { ...invitation, path: `/invite/${token}` };
  });
}

/** Invitations not accepted yet, expired ones included, so the owner sees what to renew. */
export async function listPendingInvitations(db: Queryable, projectId: number, now = new Date()) {
  const { invitations, users } = tablesOf(db);
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.projectId, projectId), isNull(invitations.acceptedAt)))
    .orderBy(asc(invitations.createdAt), asc(invitations.id));
  return rows.map((invitation) => ({ ...invitation, expired: invitation.expiresAt <= now }));
}

/** Revoking deletes the invitation: its link then opens nothing, like an unknown one. */
export async function revokeInvitation(db: Db, projectId: number, invitationId: number) {
  const { invitations } = tablesOf(db);
  const [revoked] = await db
    .delete(invitations)
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.projectId, projectId),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (!revoked)
    throw new DomainError("NOT_FOUND", `no pending invitation ${invitationId} in this project`);
  return revoked;
}

/** The invitation a link opens, or null when it is unknown, revoked, used or expired. */
export async function findOpenInvitation(db: Queryable, token: string, now = new Date()) {
  const { invitations, projects, users } = tablesOf(db);
  const [invitation] = await db
    .select({
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      projectName: projects.name,
    })
    .from(invitations)
    .innerJoin(projects, eq(projects.id, invitations.projectId))
    .where(openByToken(db, token, now))
    .limit(1);
  if (!invitation) return null;
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, invitation.email))
    .limit(1);
  const account: InviteeAccount = !user ? "new" : user.passwordHash ? "sign-in" : "set-password";
  return { ...invitation, account };
}

/** A signed-in invitee accepts: only as the invited address. Returns the project's slug. */
export function acceptInvitation(
  db: Db,
  token: string,
  user: { id: number; email: string | null },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const invitation = await claim(tx, token, now);
    if (invitation.email !== normalized(user.email ?? ""))
      throw new DomainError(
        "FORBIDDEN",
        `this invitation is for ${invitation.email}: sign in with that address to accept it`,
      );
    return join(tx, invitation, user.id);
  });
}

/**
 * An invitee without a password accepts by choosing one: a new account under the invited address
 * (with the name they choose), or, for an account an import created, that account's password
 * (its name stays: imports and exports know the annotator by it). An account that already has a
 * password is never given another through a link: its owner signs in instead.
 */
export async function acceptInvitationWithPassword(
  db: Db,
  token: string,
  input: { name: string; password: string },
  now = new Date(),
) {
  const open = await findOpenInvitation(db, token, now);
  if (!open) throw new DomainError("NOT_FOUND", noLongerValid);
  if (open.account === "sign-in")
    throw new DomainError("CONFLICT", `${open.email} has an account: sign in to accept`);
  const newUser = open.account === "new" ? parseNewUser({ ...input, email: open.email }) : null;
  const password = newUser?.password ?? parsePassword(input.password);
  const passwordHash = await bcrypt.hash(password, bcryptCost);
  return db.transaction(async (tx) => {
    const { users } = tablesOf(tx);
    const invitation = await claim(tx, token, now);
    const [existing] = await tx
      .select({ id: users.id, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, invitation.email))
      .limit(1);
    // Read again inside the transaction: the account may have changed since the page was drawn.
    if (existing && !existing.passwordHash) {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, existing.id));
      return { ...(await join(tx, invitation, existing.id)), email: invitation.email };
    }
    if (existing || !newUser)
      throw new DomainError("CONFLICT", `${invitation.email} has an account: sign in to accept`);
    const created = await insertUser(tx, newUser, passwordHash, false);
    return { ...(await join(tx, invitation, created.id)), email: invitation.email };
  });
}

function parsePassword(password: string) {
  const parsed = newUserSchema.shape.password.safeParse(password);
  if (!parsed.success)
    throw new DomainError("BAD_REQUEST", `password: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Marks the invitation used in the same statement that checks it is open: one use, ever. */
async function claim(tx: Tx, token: string, now: Date) {
  const { invitations } = tablesOf(tx);
  const [invitation] = await tx
    .update(invitations)
    .set({ acceptedAt: now })
    .where(openByToken(tx, token, now))
    .returning({
      projectId: invitations.projectId,
      email: invitations.email,
      role: invitations.role,
    });
  if (!invitation) throw new DomainError("NOT_FOUND", noLongerValid);
  return invitation;
}

/** Someone who became a member meanwhile keeps their role: an invitation never demotes an owner. */
async function join(tx: Tx, invitation: { projectId: number; role: MemberRole }, userId: number) {
  const { projects } = tablesOf(tx);
  if (!(await findMembership(tx, invitation.projectId, userId)))
    await setMembership(tx, invitation.projectId, userId, invitation.role);
  const [project] = await tx
    .select({ slug: projects.slug })
    .from(projects)
    .where(eq(projects.id, invitation.projectId))
    .limit(1);
  return { projectSlug: project?.slug ?? "" };
}

function openByToken(db: Queryable, token: string, now: Date) {
  const { invitations } = tablesOf(db);
  return and(
    eq(invitations.tokenHash, hashOf(token)),
    isNull(invitations.acceptedAt),
    gt(invitations.expiresAt, now),
  );
}

function pendingFor(db: Queryable, projectId: number, email: string) {
  const { invitations } = tablesOf(db);
  return and(
    eq(invitations.projectId, projectId),
    eq(invitations.email, email),
    isNull(invitations.acceptedAt),
  );
}

async function isMemberByEmail(db: Queryable, projectId: number, email: string) {
  const { memberships, users } = tablesOf(db);
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.projectId, projectId), eq(users.email, email)))
    .limit(1);
  return row !== undefined;
}
