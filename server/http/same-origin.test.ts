import { describe, expect, it } from "vitest";
import { DomainError } from "@/domain/errors";
import { assertSameOrigin } from "./same-origin";

function refusalOf(url: string, headers: Record<string, string>): string | null {
  try {
    assertSameOrigin(new Request(url, { method: "POST", headers }));
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("FORBIDDEN");
    return (error as DomainError).message;
  }
}

describe("assertSameOrigin", () => {
  const site = "http://concord.test/api/trpc/project.update";

  it.each([
    ["same-origin", {}],
    ["none", { origin: "http://evil.example" }],
  ])("lets Sec-Fetch-Site %s through", (value, extra) => {
    expect(refusalOf(site, { "sec-fetch-site": value, ...extra })).toBeNull();
  });

  it.each(["cross-site", "same-site"])("refuses Sec-Fetch-Site %s, naming the Origin", (value) => {
    expect(refusalOf(site, { "sec-fetch-site": value, origin: "http://evil.example" })).toBe(
      "Refused a cross-site request: Origin http://evil.example is not this site",
    );
  });

  it("trusts Sec-Fetch-Site over an Origin that matches", () => {
    expect(
      refusalOf(site, { "sec-fetch-site": "cross-site", origin: "http://concord.test" }),
    ).toMatch(/^Refused a cross-site request/);
  });

  it("compares Origin with the request's own origin when Sec-Fetch-Site is missing", () => {
    expect(refusalOf(site, { origin: "http://concord.test" })).toBeNull();
    expect(refusalOf(site, { origin: "HTTP://Concord.test" })).toBeNull();
    expect(refusalOf(site, { origin: "http://evil.example" })).toBe(
      "Refused a cross-site request: Origin http://evil.example is not this site (http://concord.test)",
    );
    expect(refusalOf(site, { origin: "null" })).toMatch(/Origin null is not this site/);
    expect(refusalOf(site, { origin: "https://concord.test" })).toMatch(/not this site/);
    expect(refusalOf(site, { origin: "http://concord.test:8080" })).toMatch(/not this site/);
  });

  it("lets a client without either header through (curl, scripts), POST included", () => {
    expect(refusalOf(site, {})).toBeNull();
  });

  it("takes this site's origin from the Host header", () => {
    const upstream = "http://127.0.0.1:3000/api/trpc/x";
    expect(refusalOf(upstream, { host: "concord.test", origin: "http://concord.test" })).toBeNull();
  });

  it("takes it from the reverse proxy's X-Forwarded-Proto and X-Forwarded-Host, first hop first", () => {
    const upstream = "http://127.0.0.1:3000/api/trpc/x";
    const proxied = {
      host: "127.0.0.1:3000",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "concord.example.org",
    };
    expect(refusalOf(upstream, { ...proxied, origin: "https://concord.example.org" })).toBeNull();
    expect(refusalOf(upstream, { ...proxied, origin: "http://concord.example.org" })).toMatch(
      /not this site \(https:\/\/concord\.example\.org\)/,
    );
    const chained = {
      "x-forwarded-proto": "https, http",
      "x-forwarded-host": "concord.example.org, internal:8080",
    };
    expect(refusalOf(upstream, { ...chained, origin: "https://concord.example.org" })).toBeNull();
  });
});
