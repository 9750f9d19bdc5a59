import { relations, sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { SpanAttributes, SpanFragment } from "@/domain/span-details";
import { labels, projects } from "./projects";
import { users } from "./users";

export const documents = sqliteTable(
  "documents",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    externalId: text(),
    text: text().notNull(),
    meta: text({ mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    createdAt: integer({ mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (table) => [
    uniqueIndex("documents_project_external_id").on(table.projectId, table.externalId),
    // A project's documents in id order: the documents list pages through it without sorting.
    index("documents_project").on(table.projectId),
  ],
);

/** Annotators move in_progress -> submitted; a document's gold layer moves in_progress -> curated. */
export const annotationStatuses = ["in_progress", "submitted", "curated"] as const;
export type AnnotationStatus = (typeof annotationStatuses)[number];

export const annotations = sqliteTable(
  "annotations",
  {
    id: integer().primaryKey({ autoIncrement: true }),
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
    updatedAt: integer({ mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
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
export const spans = sqliteTable(
  "spans",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    annotationId: integer()
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    start: integer().notNull(),
    end: integer().notNull(),
    labelId: integer()
      .notNull()
      .references(() => labels.id, { onDelete: "cascade" }),
    // Values of the label's attributes by attribute name (see `labelAttributes`); absent = unset.
    attributes: text({ mode: "json" }).$type<SpanAttributes>().notNull().default({}),
    note: text().notNull().default(""),
    // Further pieces of a discontinuous entity ("North [...] and South Korea"), sorted, each
    // [start, end) like the span's own range, which stays the entity's first piece and its name.
    fragments: text({ mode: "json" }).$type<SpanFragment[]>().notNull().default([]),
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
export const goldRejections = sqliteTable(
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
export const assignments = sqliteTable(
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
