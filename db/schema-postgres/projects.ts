import { relations } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { memberRoles } from "../schema/projects";
import { users } from "./users";

// One list of roles for both dialects.
export { memberRoles, type MemberRole } from "../schema/projects";

export const projects = pgTable("projects", {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(""),
  allowOverlap: boolean().notNull().default(false),
  // Share of a document's submitted annotators (0 < share <= 1) whose identical span goes into gold
  // when a reviewer accepts agreed spans; 1 means all of them. Double precision, as SQLite's real:
  // in PostgreSQL's 4-byte real, 0.67 is not equal to 0.67 and counts as 0.6700000166893005.
  goldAcceptShare: doublePrecision().notNull().default(1),
  // Selections snap outwards to whole tokens unless the annotator holds Alt.
  tokenSnapping: boolean().notNull().default(true),
  // Annotators neither see nor can fetch each other's spans or progress.
  blindAnnotation: boolean().notNull().default(true),
  annotatorsPerDocument: integer().notNull().default(2),
  guidelines: text().notNull().default(""),
  archived: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const memberships = pgTable(
  "memberships",
  {
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text({ enum: memberRoles }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.userId] })],
);

export const labels = pgTable(
  "labels",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text().notNull(),
    color: text().notNull(),
    hotkey: text(),
    description: text().notNull().default(""),
    position: integer().notNull(),
  },
  (table) => [
    uniqueIndex("labels_project_name").on(table.projectId, table.name),
    uniqueIndex("labels_project_hotkey").on(table.projectId, table.hotkey),
  ],
);

export const projectsRelations = relations(projects, ({ many }) => ({
  memberships: many(memberships),
  labels: many(labels),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  project: one(projects, { fields: [memberships.projectId], references: [projects.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));

export const labelsRelations = relations(labels, ({ one }) => ({
  project: one(projects, { fields: [labels.projectId], references: [projects.id] }),
}));
