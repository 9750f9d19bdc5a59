import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/server/auth";
import { getEnv } from "@/server/env";
import { contentSecurityPolicy, createNonce } from "@/server/http/content-security-policy";

/**
 * Every page request: the session check (the `authorized` callback redirects to sign-in before
 * this runs), then a per-request CSP nonce, handed to Next.js in the request's own policy header
 * so that it marks its scripts with it. HSTS only where the request came over HTTPS.
 */
const withSecurityHeaders = auth((request) => {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, getEnv().NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  const protocol = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol;
  if (protocol.startsWith("https")) {
    response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  }
  return response;
});

/**
 * Next.js looks for a function named `proxy`. With a lazy config, `auth(handler)` hands the
 * wrapped handler back as a promise (its types say otherwise); awaiting it covers both.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const handle = await withSecurityHeaders;
  return handle(request, event as never);
}

export const config = {
  // Pages only. Static assets need no session, and every route under /api answers for itself:
  // tRPC and the routes check the session, Auth.js guards its own. Decoding the session here as
  // well was most of a save's cost, and a proxy buffers request bodies and cuts them at 10 MB.
  // The headers in next.config.js still reach every response.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
