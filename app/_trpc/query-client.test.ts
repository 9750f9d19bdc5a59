import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { isConflict, isRefusal, makeQueryClient } from "./query-client";

const answer = (httpStatus: number) =>
  new TRPCClientError("no", {
    result: { error: { message: "no", code: -1, data: { httpStatus } } },
  });

describe("the client's one retry policy", () => {
  it.each([400, 403, 404, 409])("takes %i as a refusal", (status) => {
    expect(isRefusal(answer(status))).toBe(true);
  });

  it.each([401, 408, 429, 500, 503])("tries again after %i", (status) => {
    expect(isRefusal(answer(status))).toBe(false);
  });

  it("tries again when no answer came at all", () => {
    expect(isRefusal(new TypeError("Failed to fetch"))).toBe(false);
  });

  it("tells a stale write (409) from the other refusals, which a reload does not help", () => {
    expect(isConflict(answer(409))).toBe(true);
    expect([400, 403, 404, 500].map((status) => isConflict(answer(status)))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(isConflict(new TypeError("Failed to fetch"))).toBe(false);
  });

  it("is the queries' policy too, three tries at most", () => {
    const retry = makeQueryClient().getDefaultOptions().queries?.retry;
    if (typeof retry !== "function") throw new Error("queries have no retry function");
    expect(retry(0, answer(404))).toBe(false);
    expect(retry(0, answer(429))).toBe(true);
    expect(retry(3, answer(500))).toBe(false);
  });
});
