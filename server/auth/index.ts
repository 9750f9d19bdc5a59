import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../database";
import { getEnv } from "../env";
import { findSessionUser } from "./active-user";
import { withAccount } from "./request-session";
import { SignInThrottledError, verifyThrottledCredentials } from "../services/sign-in-throttle";

const credentialsSchema = z.object({ email: z.string().min(1), password: z.string().min(1) });

// The config is a function so that nothing reads env or opens the database until a request needs it.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getEnv().authSecrets,
  trustHost: true,
  session: { strategy: "jwt" },
  pages: { signIn: "/signin" },
  logger: {
    // A wrong password is an everyday event, not a server fault: one line, no stack trace.
    error(error) {
      if ("type" in error && error.type === "CredentialsSignin")
        console.warn("[auth] refused a sign-in: wrong email or password");
      else console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const user = await verifyThrottledCredentials(getDb(), {
          ...parsed.data,
          address: clientAddress(request),
        }).catch((error: unknown) => {
          if (error instanceof SignInThrottledError) throw new ThrottledSignIn(error);
          throw error;
        });
        if (!user) throw new CredentialsSignin();
        return {
          id: String(user.id),
          name: user.name,
          email: user.email,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sessionVersion = user.sessionVersion ?? 0;
      return token;
    },
    session({ session, token }) {
      return withAccount(session, token);
    },
    // Used by proxy.ts, which sees pages only (API routes answer for themselves, with
    // UNAUTHORIZED rather than a redirect to a form): every page but sign-in, first-run set-up
    // and invitation links needs a session. The redirect is a Response because proxy.ts wraps
    // `auth` with a handler, and then a plain
    // `false` would let the request through.
    async authorized({ auth: session, request }) {
      const { pathname } = request.nextUrl;
      if (publicPaths.some((path) => pathname.startsWith(path))) return true;
      if (await findSessionUser(getDb(), session)) return true;
      const signInUrl = new URL("/signin", request.nextUrl);
      signInUrl.searchParams.set("callbackUrl", request.nextUrl.href);
      return Response.redirect(signInUrl);
    },
  },
}));

const publicPaths = ["/signin", "/setup", "/invite/"];

/** A throttled sign-in; its code carries the wait, which the sign-in form shows. */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(cause: SignInThrottledError) {
    super(cause.message);
    this.code = `throttled:${cause.retryAfterMs}`;
  }
}

/** The first address a reverse proxy names, else the connection's: what failures count against. */
function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "unknown";
}
