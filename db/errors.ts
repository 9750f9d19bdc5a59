/**
 * Whether a failed query broke a UNIQUE constraint, in either database: better-sqlite3 throws
 * its own error, Drizzle wraps PostgreSQL's (code 23505) in one that names the query.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const { code } = cause as { code?: unknown };
    if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") return true;
    if (code === "23505") return true;
  }
  return false;
}
