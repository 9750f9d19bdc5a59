/**
 * What is wrong with a DATABASE_URL, or null: a plain path or a `file:` one names a SQLite file;
 * any other scheme is refused rather than taken for a path, which would quietly create a folder
 * named after it.
 */
export function findDatabaseUrlProblem(url: string): string | null {
  if (url.startsWith("file:")) return null;
  // Two letters at least, so that a Windows drive ("C:\\data") stays a path.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1];
  return scheme
    ? `${scheme}: databases are not supported; give the path of a SQLite file (or file:<path>)`
    : null;
}

/** The SQLite file a DATABASE_URL (checked by findDatabaseUrlProblem) names. */
export function databaseFileFromUrl(url: string): string {
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}
