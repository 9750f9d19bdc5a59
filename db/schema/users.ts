import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const users = sqliteTable("users", {
  id: integer().primaryKey({ autoIncrement: true }),
  // Names identify annotators in imports and exports, so they are unique and case-sensitive.
  name: text().notNull().unique(),
  // Annotators brought in by an import have neither an email nor a password until an admin adds them.
  email: text().unique(),
  passwordHash: text(),
  isAdmin: integer({ mode: "boolean" }).notNull().default(false),
  // A deactivated user cannot sign in; their work stays, attributed to them.
  deactivated: integer({ mode: "boolean" }).notNull().default(false),
  // Sessions carry the version they were signed in under; sign-out, deactivation and a password
  // reset raise it, which ends every session issued before, on every server.
  sessionVersion: integer().notNull().default(0),
  createdAt: integer({ mode: "timestamp" })
    .notNull()
    .default(sql`(unixepoch())`),
});
