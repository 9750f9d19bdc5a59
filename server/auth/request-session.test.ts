import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openTestDatabase } from "@/db/test-support/test-database";
import { getEnv } from "../env";
import { createCaller } from "../root";
import { endSessions } from "../services/users";
import { expectTrpcError } from "../test-support/trpc-errors";
import { newUser } from "../test-support/users";
import { readRequestSession } from "./request-session";

const cookieName = "authjs.session-token";

/** A session cookie as Auth.js issues it at sign-in (the cookie's name is the key's salt). */
async function sessionCookie(
  claims: { sub: string; sessionVersion: number },
  options: { name?: string; secret?: string; maxAge?: number } = {},
) {
  const name = options.name ?? cookieName;
  const token = await encode({
    token: { ...claims, name: "ann", email: "ann@example.com" },
    secret: options.secret ?? getEnv().AUTH_SECRET,
    salt: name,
    maxAge: options.maxAge,
  });
  return `${name}=${token}`;
}

const requestWith = (cookie: string, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1:3000/api/trpc/project.list", {
    headers: { cookie, ...headers },
  });

afterEach(() => {
  vi.useRealTimers();
});

describe("the session of a tRPC request, read from its cookie", () => {
  it("carries the account and the session version the cookie was issued under", async () => {
    const session = await readRequestSession(
      requestWith(await sessionCookie({ sub: "7", sessionVersion: 3 })),
    );
    expect(session?.user?.id).toBe("7");
    expect(session?.sessionVersion).toBe(3);
    expect(session?.user?.email).toBe("ann@example.com");
    expect(Date.parse(session?.expires ?? "")).toBeGreaterThan(Date.now());
  });

  it("reads the __Secure- cookie of a request that came over HTTPS", async () => {
    const cookie = await sessionCookie(
      { sub: "8", sessionVersion: 0 },
      { name: `__Secure-${cookieName}` },
    );
    const overHttps = await readRequestSession(
      requestWith(cookie, { "x-forwarded-proto": "https" }),
    );
    expect(overHttps?.user?.id).toBe("8");
    expect(await readRequestSession(requestWith(cookie))).toBeNull();
  });

  it("has none without a cookie, with an expired one, or with one made with another secret", async () => {
    expect(await readRequestSession(requestWith(""))).toBeNull();
    const expired = await sessionCookie({ sub: "7", sessionVersion: 0 }, { maxAge: -60 });
    expect(await readRequestSession(requestWith(expired))).toBeNull();
    const forged = await sessionCookie(
      { sub: "7", sessionVersion: 0 },
      { secret: "not the server's secret" },
    );
    expect(await readRequestSession(requestWith(forged))).toBeNull();
  });

  it("ends when its token expires, though it was read before", async () => {
    const cookie = await sessionCookie({ sub: "9", sessionVersion: 0 }, { maxAge: 60 });
    expect((await readRequestSession(requestWith(cookie)))?.user?.id).toBe("9");
    expect((await readRequestSession(requestWith(cookie)))?.user?.id).toBe("9");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 2 * 60 * 60 * 1000);
    expect(await readRequestSession(requestWith(cookie))).toBeNull();
  });

  it("is refused once its account signed out, and a cookie issued after is taken", async () => {
    const db = await openTestDatabase();
    const ann = await newUser(db, "ann");
    const callWith = async (cookie: string) =>
      createCaller({ session: await readRequestSession(requestWith(cookie)), db }).project.list();
    const before = await sessionCookie({ sub: String(ann.id), sessionVersion: 0 });
    expect(await callWith(before)).toEqual([]);
    await endSessions(db, ann.id);
    await expectTrpcError(callWith(before), "UNAUTHORIZED");
    expect(await callWith(await sessionCookie({ sub: String(ann.id), sessionVersion: 1 }))).toEqual(
      [],
    );
  });
});
