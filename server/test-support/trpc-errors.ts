// Test support: the one assertion for a refused call, through tRPC or straight to a service.
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { DomainError } from "@/domain/errors";

/** What `call` rejected with, failing the test when it succeeded. */
async function rejectionOf(call: Promise<unknown>, code: string): Promise<unknown> {
  return call.then(
    () => {
      throw new Error(`expected a ${code} error, but the call succeeded`);
    },
    (caught: unknown) => caught,
  );
}

/** Asserts that a procedure call fails with `code` (and a message matching `message`). */
export async function expectTrpcError(
  call: Promise<unknown>,
  code: TRPCError["code"],
  message?: RegExp,
): Promise<TRPCError> {
  const error = await rejectionOf(call, code);
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
  return error as TRPCError;
}

/** The same for a service called without tRPC, which refuses with a DomainError. */
export async function expectDomainError(
  run: () => unknown,
  code: DomainError["code"],
  message?: RegExp,
): Promise<DomainError> {
  const error = await rejectionOf(Promise.resolve().then(run), code);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (message) expect((error as DomainError).message).toMatch(message);
  return error as DomainError;
}
