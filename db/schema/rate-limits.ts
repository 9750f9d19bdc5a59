import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Counters of rate-limiter-flexible's Drizzle store (it names the columns): failed sign-ins per
 * account and per client address. In the database, so a restart forgets nothing and every server
 * on one database counts together.
 */
export const rateLimits = sqliteTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: integer({ mode: "timestamp_ms" }),
});
