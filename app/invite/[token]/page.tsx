import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { auth } from "@/server/auth";
import { findSessionUser } from "@/server/auth/active-user";
import { getDb } from "@/server/database";
import { findOpenInvitation, noLongerValid } from "@/server/services/invitations";
import { AcceptForm, PasswordForm, SignInToAccept } from "./invitation-forms";

export const dynamic = "force-dynamic";

type InvitationPageProps = { params: Promise<{ token: string }> };

/** One lookup per request, for the title and the page alike. */
const openInvitation = cache((token: string) => findOpenInvitation(getDb(), token));

export async function generateMetadata({ params }: InvitationPageProps): Promise<Metadata> {
  const invitation = await openInvitation((await params).token);
  return { title: invitation ? `Join ${invitation.projectName}` : "Invitation" };
}

/**
 * Opened by anyone with the link, signed in or not (see the `authorized` callback). Opening it
 * changes nothing; each way of accepting is a form that posts.
 */
export default async function InvitationPage({ params }: InvitationPageProps) {
  const { token } = await params;
  const db = getDb();
  const invitation = await openInvitation(token);
  if (!invitation) {
    return (
      <section className="mx-auto max-w-md py-12 text-center">
        <h1 className="mb-2 text-2xl font-semibold">Invitation</h1>
        <p role="alert" className="mb-6">
          {noLongerValid}.
        </p>
        <Link href="/projects" className="underline">
          Concord
        </Link>
      </section>
    );
  }
  const user = await findSessionUser(db, await auth());
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-semibold">Join {invitation.projectName}</h1>
      <p className="mb-6 text-sm text-muted">
        You are invited as <strong>{invitation.role}</strong>, as {invitation.email}.
      </p>
      {user?.email === invitation.email ? (
        <AcceptForm token={token} label={`Join as ${invitation.role}`} />
      ) : user ? (
        <p role="alert">
          You are signed in as {user.email ?? user.name}.{" "}
          <Link href="/signout" className="underline">
            Sign out
          </Link>{" "}
          and open the link again to accept as {invitation.email}.
        </p>
      ) : invitation.account === "sign-in" ? (
        <>
          <p className="mb-4">Sign in with your password to accept.</p>
          <SignInToAccept token={token} email={invitation.email} />
        </>
      ) : (
        <>
          <p className="mb-4">
            {invitation.account === "new"
              ? "Choose a name and a password for your account."
              : "Choose a password for your account."}
          </p>
          <PasswordForm token={token} askName={invitation.account === "new"} />
        </>
      )}
    </section>
  );
}
