import { relations, sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { memberRoles, projects } from "./projects";
import { users } from "./users";

/**
 * An owner's offer of a role in a project to an e-mail address, whether or not it has an account:
 * adding a member never tells the owner which addresses have one. Only a SHA-256 of the link's
 * token is kept, so a copy of the database opens no invitation. Revoking deletes the row;
 * accepting keeps it, stamped, so the link cannot be used twice.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    // Lower-case, as users.email is stored.
    email: text().notNull(),
    role: text({ enum: memberRoles }).notNull(),
    tokenHash: text().notNull(),
    invitedBy: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer({ mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    expiresAt: integer({ mode: "timestamp" }).notNull(),
    acceptedAt: integer({ mode: "timestamp" }),
  },
  (table) => [
    uniqueIndex("invitations_token_hash").on(table.tokenHash),
    index("invitations_project_email").on(table.projectId, table.email),
  ],
);

export const invitationsRelations = relations(invitations, ({ one }) => ({
  project: one(projects, { fields: [invitations.projectId], references: [projects.id] }),
  inviter: one(users, { fields: [invitations.invitedBy], references: [users.id] }),
}));
