import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { tablesOf, type Db } from "@/db/open-database";
import { verifyCredentials } from "./users";

/**
 * Failed sign-ins are counted per account and per client address over a window; past either
 * limit, sign-in is refused until the window ends, even with the right password. A success
 * clears the account's count.
 */
const windowSeconds = 15 * 60;
const limits = { account: 5, address: 50 };

export type SignInAttempt = { email: string; address: string };

export class SignInThrottledError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`too many failed sign-ins: try again in ${minutesOf(retryAfterMs)}`);
  }
}

export function minutesOf(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

const limitersByDb = new WeakMap<Db, ReturnType<typeof createLimiters>>();

function createLimiters(db: Db) {
  const limiter = (keyPrefix: string, points: number) =>
    new RateLimiterDrizzle({
      // The store writes its dates through the table's columns, so each database gets its own.
      storeClient: db,
      schema: tablesOf(db).rateLimits,
      keyPrefix,
      points,
      duration: windowSeconds,
      clearExpiredByTimeout: false,
    });
  return {
    account: limiter("account", limits.account),
    address: limiter("address", limits.address),
  };
}

function limitersFor(db: Db) {
  let limiters = limitersByDb.get(db);
  if (!limiters) limitersByDb.set(db, (limiters = createLimiters(db)));
  return limiters;
}

const accountKey = (email: string) => email.trim().toLowerCase();

/** Throws SignInThrottledError while the account or the address is over its limit. */
export async function assertSignInAllowed(db: Db, attempt: SignInAttempt) {
  const { account, address } = limitersFor(db);
  const counts = await Promise.all([
    account.get(accountKey(attempt.email)),
    address.get(attempt.address),
  ]);
  const over = [
    { count: counts[0], limit: limits.account },
    { count: counts[1], limit: limits.address },
  ].filter(({ count, limit }) => count && count.consumedPoints >= limit);
  if (over.length > 0) {
    throw new SignInThrottledError(Math.max(...over.map(({ count }) => count?.msBeforeNext ?? 0)));
  }
}

export async function recordFailedSignIn(db: Db, attempt: SignInAttempt) {
  const { account, address } = limitersFor(db);
  // Going over the limit rejects with a RateLimiterRes: the count is stored all the same.
  const ignoreLimit = (error: unknown) => {
    if (!(error instanceof RateLimiterRes)) throw error;
  };
  await Promise.all([
    account.consume(accountKey(attempt.email)).catch(ignoreLimit),
    address.consume(attempt.address).catch(ignoreLimit),
  ]);
}

export async function recordSuccessfulSignIn(db: Db, attempt: SignInAttempt) {
  await limitersFor(db).account.delete(accountKey(attempt.email));
}

/**
 * The password check behind sign-in: refused while throttled (SignInThrottledError), else the
 * account or null, with the attempt counted either way.
 */
export async function verifyThrottledCredentials(
  db: Db,
  attempt: SignInAttempt & { password: string },
) {
  await assertSignInAllowed(db, attempt);
  const user = await verifyCredentials(db, attempt.email, attempt.password);
  await (user ? recordSuccessfulSignIn(db, attempt) : recordFailedSignIn(db, attempt));
  return user;
}
