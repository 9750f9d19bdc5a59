import "server-only";
import { DomainError } from "@/domain/errors";

/**
 * Refuses a request sent by another site's page (cross-site request forgery): the session cookie
 * rides along with it, so the server must tell who sent it. Browsers say so themselves:
 *
 * - `Sec-Fetch-Site` (every current browser) is `same-origin` for our own pages and `none` for
 *   what the user typed or bookmarked; `same-site` and `cross-site` are refused.
 * - Without it, `Origin` must be this site's own origin. Browsers send Origin on every request
 *   that is not a GET or HEAD, cross-origin ones included, and a page cannot remove or forge it.
 * - With neither header the request did not come from a browser page (curl, scripts, the CLI):
 *   such a client holds a cookie only if its user gave it one, so it is let through, POST included.
 *   An old browser that sends neither on a cross-site POST would also pass; SameSite=Lax cookies
 *   still keep the session out of those.
 *
 * This site's origin is what Auth.js sees with `trustHost`: the first `X-Forwarded-Proto` and
 * `X-Forwarded-Host` a reverse proxy sets, else the request's own scheme and Host. A page cannot
 * set those headers on a cross-site request without a CORS preflight, which this server never
 * grants, so trusting them opens nothing.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) {
    if (site === "same-origin" || site === "none") return;
    const origin = request.headers.get("origin");
    throw refusal(origin ? `Origin ${origin} is not this site` : `it came from a ${site} page`);
  }
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const own = ownOrigin(request);
  if (origin.toLowerCase() !== own) throw refusal(`Origin ${origin} is not this site (${own})`);
}

function refusal(reason: string) {
  return new DomainError("FORBIDDEN", `Refused a cross-site request: ${reason}`);
}

function ownOrigin(request: Request): string {
  const url = new URL(request.url);
  const protocol = firstValue(request.headers.get("x-forwarded-proto")) ?? url.protocol;
  const host =
    firstValue(request.headers.get("x-forwarded-host")) ?? request.headers.get("host") ?? url.host;
  return `${protocol.replace(/:?$/, ":")}//${host}`.toLowerCase();
}

/** Proxies in a chain append theirs: the first one is what the browser used. */
function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}
