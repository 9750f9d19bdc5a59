/** Where a DATABASE_URL points: a SQLite file (a plain path or `file:`), or a PostgreSQL server. */
export type DatabaseTarget =
  { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string };

const postgresSchemes = new Set(["postgres", "postgresql"]);

/**
 * What is wrong with a DATABASE_URL, or null. An unknown scheme is refused rather than taken for
 * a path, which would quietly create a folder named after it.
 */
export function findDatabaseUrlProblem(url: string): string | null {
  if (url.startsWith("file:")) return null;
  // Two letters at least, so that a Windows drive ("C:\\data") stays a path.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1];
  if (!scheme) return null;
  if (!postgresSchemes.has(scheme.toLowerCase())) {
    return `${scheme}: databases are not supported; give postgres://user:password@host:port/database or the path of a SQLite file (or file:<path>)`;
  }
  if (!URL.canParse(url)) return `${describeDatabaseUrl(url)} is not a valid PostgreSQL URL`;
  if (!new URL(url).pathname.slice(1)) {
    return `${describeDatabaseUrl(url)} names no database: add it after the host, as in postgres://host:5432/concord`;
  }
  return null;
}

/** The database a DATABASE_URL (checked by findDatabaseUrlProblem) names. */
export function databaseTarget(url: string): DatabaseTarget {
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme && postgresSchemes.has(scheme)) return { dialect: "postgres", url };
  return { dialect: "sqlite", file: url.startsWith("file:") ? url.slice("file:".length) : url };
}

/** A DATABASE_URL fit for messages and logs: its password is left out. */
export function describeDatabaseUrl(url: string): string {
  if (!URL.canParse(url)) return url.replace(/:[^:@/]*@/, ":***@");
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
