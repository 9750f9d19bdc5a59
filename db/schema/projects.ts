import { relations, sql } from "drizzle-orm";
import { integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./users";

export const projects = sqliteTable("projects", {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(""),
  allowOverlap: integer({ mode: "boolean" }).notNull().default(false),
  // Share of a document's submitted annotators (0 < share <= 1) whose identical span goes into gold
  // when a reviewer accepts agreed spans; 1 means all of them.
  goldAcceptShare: real().notNull().default(1),
  // Selections snap outwards to whole tokens unless the annotator holds Alt.
  tokenSnapping: integer({ mode: "boolean" }).notNull().default(true),
  // Annotators neither see nor can fetch each other's spans or progress.
  blindAnnotation: integer({ mode: "boolean" }).notNull().default(true),
  annotatorsPerDocument: integer().notNull().default(2),
  guidelines: text().notNull().default(""),
  archived: integer({ mode: "boolean" }).notNull().default(false),
  createdAt: integer({ mode: "timestamp" })
    .notNull()
    .default(sql`(unixepoch())`),
});

export const memberRoles = ["owner", "annotator", "reviewer"] as const;
export type MemberRole = (typeof memberRoles)[number];

export const memberships = sqliteTable(
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

export const labels = sqliteTable(
  "labels",
  {
    id: integer().primaryKey({ autoIncrement: true }),
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
