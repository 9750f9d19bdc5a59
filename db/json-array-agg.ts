import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { dialectOf, type Queryable } from "./open-database";

/**
 * An aggregate giving the JSON text of an array holding, for each row of the group, the array
 * of `values` ("[]" over no rows): json_group_array on SQLite; json_agg on PostgreSQL, as text
 * (the driver would parse json itself) and with NULL over no rows made "[]".
 */
export function jsonArrayAgg(db: Queryable, values: SQLWrapper[]): SQL<string> {
  const row = sql.join(values, sql`, `);
  return dialectOf(db) === "postgres"
    ? sql<string>`coalesce(json_agg(json_build_array(${row}))::text, '[]')`
    : sql<string>`json_group_array(json_array(${row}))`;
}
