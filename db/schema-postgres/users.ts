import { boolean, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  // Names identify annotators in imports and exports, so they are unique and case-sensitive.
  name: text().notNull().unique(),
  // Annotators brought in by an import have neither an email nor a password until an admin adds them.
  email: text().unique(),
  passwordHash: text(),
  isAdmin: boolean().notNull().default(false),
  // A deactivated user cannot sign in; their work stays, attributed to them.
  deactivated: boolean().notNull().default(false),
  // Sessions carry the version they were signed in under; sign-out, deactivation and a password
  // reset raise it, which ends every session issued before, on every server.
  sessionVersion: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
