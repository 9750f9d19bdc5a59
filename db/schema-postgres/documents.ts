import { relations, sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { SpanAttributes, SpanFragment } from "@/domain/span-details";
import { annotationStatuses } from "../schema/documents";
import { labels, projects } from "./projects";
import { users } from "./users";

// One list of statuses for both dialects.
export { annotationStatuses, type AnnotationStatus } from "../schema/documents";

export const documents = pgTable(
  "documents",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    externalId: text(),
    text: text().notNull(),
    meta: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("documents_project_external_id").on(table.projectId, table.externalId),
    // A project's documents in id order: the documents list pages through it without sorting.
    index("documents_project").on(table.projectId),
  ],
);

export const annotations = pgTable(
  "annotations",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    documentId: integer()
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    // The annotator; null for the document's gold layer, which belongs to the project, not a person.
    userId: integer().references(() => users.id, { onDelete: "restrict" }),
    // Who last changed the gold layer (null on annotators' own layers).
    curatedBy: integer().references(() => users.id, { onDelete: "set null" }),
    status: text({ enum: annotationStatuses }).notNull().default("in_progress"),
    // Bumped on every change, so a client holding an older version can be told it is stale.
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("annotations_document_user").on(table.documentId, table.userId),
    uniqueIndex("annotations_document_gold")
      .on(table.documentId)
      .where(sql`user_id IS NULL`),
    // A document's last change, read from the index alone when the list sorts by it.
    index("annotations_document_updated").on(table.documentId, table.updatedAt),
  ],
);

/** Offsets are UTF-16 code units of `documents.text`, start inclusive, end exclusive. */
export const spans = pgTable(
  "spans",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    annotationId: integer()
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    start: integer().notNull(),
    end: integer().notNull(),
    labelId: integer()
      .notNull()
      .references(() => labels.id, { onDelete: "cascade" }),
    attributes: jsonb().$type<SpanAttributes>().notNull().default({}),
    note: text().notNull().default(""),
    fragments: jsonb().$type<SpanFragment[]>().notNull().default([]),
  },
  (table) => [
    uniqueIndex("spans_identity").on(table.annotationId, table.start, table.end, table.labelId),
    index("spans_label").on(table.labelId),
  ],
);

export const documentsRelations = relations(documents, ({ one, many }) => ({
  project: one(projects, { fields: [documents.projectId], references: [projects.id] }),
  annotations: many(annotations),
}));

export const annotationsRelations = relations(annotations, ({ one, many }) => ({
  document: one(documents, { fields: [annotations.documentId], references: [documents.id] }),
  user: one(users, { fields: [annotations.userId], references: [users.id] }),
  spans: many(spans),
}));

export const spansRelations = relations(spans, ({ one }) => ({
  annotation: one(annotations, { fields: [spans.annotationId], references: [annotations.id] }),
  label: one(labels, { fields: [spans.labelId], references: [labels.id] }),
}));

/** Regions of a gold layer that a reviewer settled as "no span here", rejecting every variant. */
export const goldRejections = pgTable(
  "gold_rejections",
  {
    annotationId: integer()
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    start: integer().notNull(),
    end: integer().notNull(),
  },
  (table) => [primaryKey({ columns: [table.annotationId, table.start, table.end] })],
);

/** Which annotator works on which document, and in what order their queue shows it. */
export const assignments = pgTable(
  "assignments",
  {
    documentId: integer()
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    position: integer().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.documentId, table.userId] }),
    index("assignments_user").on(table.userId, table.position),
  ],
);
