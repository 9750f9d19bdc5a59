/**
 * The SQLite file a DATABASE_URL names: a plain path or a `file:` one. Any other scheme is
 * refused rather than taken for a path, which would quietly create a folder named after it.
 */
export function databaseFileFromUrl(url: string): string {
  if (url.startsWith("file:")) return url.slice("file:".length);
  // Two letters at least, so that a Windows drive ("C:\\data") stays a path.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1];
  if (scheme)
    throw new Error(
      `${scheme}: databases are not supported; give the path of a SQLite file (or file:<path>)`,
    );
  return url;
}
