import "server-only";
import type { Session } from "next-auth";
import { decode, getToken, type JWT } from "next-auth/jwt";
import { getEnv } from "../env";

// Decoding a token takes a dozen WebCrypto calls, more than the rest of a save. A token cannot
// change and only the server's secret makes one, so the decoded form is kept while the token is
// unexpired: the oldest go first past the bound. Whether the account may still use it is asked
// of the database on every request all the same (findSessionUser).
const decodedTokens = new Map<string, JWT>();
const maxDecodedTokens = 5_000;

/**
 * The session a request's cookie carries. `auth()` in a route handler goes through Auth.js's
 * whole session action instead (decode, callbacks, and a freshly encrypted cookie on every
 * answer), which cost more than the save it guarded; the pages, which keep using `auth()`, still
 * roll the session's expiry forward.
 */
export async function readRequestSession(request: Request): Promise<Session | null> {
  const token = await readToken(request).catch(() => null);
  if (!token?.exp) return null;
  return withAccount(
    {
      user: { name: token.name, email: token.email },
      expires: new Date(token.exp * 1000).toISOString(),
    },
    token,
  );
}

async function readToken(request: Request): Promise<JWT | null> {
  const secureCookie = cameOverHttps(request);
  const raw = await getToken({
    req: request,
    secret: getEnv().AUTH_SECRET,
    secureCookie,
    raw: true,
  });
  if (!raw) return null;
  // The cookie's name is the key's salt, so a token is only good under the name it came with.
  const salt = `${secureCookie ? "__Secure-" : ""}authjs.session-token`;
  const key = `${salt}=${raw}`;
  const known = decodedTokens.get(key);
  if (known?.exp && known.exp * 1000 > Date.now()) return known;
  decodedTokens.delete(key);
  const token = await decode({ token: raw, secret: getEnv().AUTH_SECRET, salt });
  if (!token) return null;
  if (decodedTokens.size >= maxDecodedTokens) {
    const oldest = decodedTokens.keys().next();
    if (!oldest.done) decodedTokens.delete(oldest.value);
  }
  decodedTokens.set(key, token);
  return token;
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
