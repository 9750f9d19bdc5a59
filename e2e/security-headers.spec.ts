import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("pages carry a nonce-based CSP and the protective headers, and still work under them", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text()))
      violations.push(message.text());
  });
  const response = await page.goto("/signin");
  const headers = response?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-powered-by"]).toBeUndefined();

  // Next.js's inline scripts carry this response's nonce, so hydration works: signing in does.
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  const inlineScripts = await page
    .locator("script:not([src])")
    .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const scriptNonce of inlineScripts) expect(scriptNonce).toBe(nonce);
  await signIn(page, "alice@concord.test");
  await page.goto("/projects/kursk-news");
  await expect(page.getByRole("heading", { name: "North Korean troops in Kursk" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("every request gets a fresh nonce, and static files and the API get the headers too", async ({
  request,
}) => {
  const nonceOf = async () =>
    /'nonce-([^']+)'/.exec(
      (await request.get("/signin")).headers()["content-security-policy"] ?? "",
    )?.[1];
  const [first, second] = [await nonceOf(), await nonceOf()];
  expect(first).toBeTruthy();
  expect(first).not.toBe(second);
  const health = await request.get("/api/health");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  expect(health.headers()["x-powered-by"]).toBeUndefined();
});

test("HSTS is sent only to requests that came over HTTPS", async ({ request }) => {
  const plain = await request.get("/signin");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const proxied = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
  expect(proxied.headers()["strict-transport-security"]).toContain("max-age=");
});
