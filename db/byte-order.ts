import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { dialectOf, type Queryable } from "./open-database";

/**
 * `text` compared byte by byte, as SQLite compares text: PostgreSQL orders by its database's
 * collation (a locale's rules, where "b" comes before "C"), unless told otherwise.
 */
export function inByteOrder(db: Queryable, text: SQLWrapper): SQL<string> {
  return dialectOf(db) === "postgres" ? sql<string>`(${text} COLLATE "C")` : sql<string>`${text}`;
}
