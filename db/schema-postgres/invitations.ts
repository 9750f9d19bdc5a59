import { relations } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { memberRoles, projects } from "./projects";
import { users } from "./users";

/** An owner's offer of a role in a project to an e-mail address: see db/schema/invitations.ts. */
export const invitations = pgTable(
  "invitations",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
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
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp({ withTimezone: true, mode: "date" }),
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
