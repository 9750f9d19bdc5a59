import "server-only";
import type { Session } from "next-auth";
import { getToken, type JWT } from "next-auth/jwt";
import { getEnv } from "../env";

/**
 * The session a request's cookie carries, decoded once. `auth()` in a route handler goes through
 * Auth.js's whole session action instead (decode, callbacks, and a freshly encrypted cookie on
 * every answer), which cost more than the save it guarded. Whether the account may still use the
 * session is findSessionUser's question, asked on every request as before; a session's expiry
 * is still rolled forward by the pages, which keep going through `auth()`.
 */
export async function readRequestSession(request: Request): Promise<Session | null> {
  const token = await getToken({
    req: request,
    secret: getEnv().AUTH_SECRET,
    secureCookie: cameOverHttps(request),
  }).catch(() => null);
  if (!token?.exp) return null;
  return withAccount(
    {
      user: { name: token.name, email: token.email },
      expires: new Date(token.exp * 1000).toISOString(),
    },
    token,
  );
}

/** What a session tells of its account, from its token: Auth.js's session callback uses it too. */
export function withAccount<S extends Session & { user: object }>(session: S, token: JWT): S {
  if (token.sub) session.user.id = token.sub;
  session.sessionVersion = token.sessionVersion ?? 0;
  return session;
}

/** Auth.js names its cookies `__Secure-…` over HTTPS, which it reads as trustHost has it. */
function cameOverHttps(request: Request): boolean {
  const protocol = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol;
  return protocol.startsWith("https");
}
