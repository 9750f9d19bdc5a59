import { relations } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { labels, projects } from "./projects";

/**
 * A project's annotation scheme beyond its span labels: the relations annotators may draw between
 * spans, the attributes a label's spans carry, and the labels a whole document takes.
 */
export const relationTypes = sqliteTable(
  "relation_types",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text().notNull(),
    color: text().notNull(),
    hotkey: text(),
    // An undirected relation ("sibling of") reads the same both ways; its ends are stored in
    // offset order.
    directed: integer({ mode: "boolean" }).notNull().default(true),
    // Label ids a relation of this type may start from, and end at; empty allows every label.
    sourceLabelIds: text({ mode: "json" }).$type<number[]>().notNull().default([]),
    targetLabelIds: text({ mode: "json" }).$type<number[]>().notNull().default([]),
    position: integer().notNull(),
  },
  (table) => [
    uniqueIndex("relation_types_project_name").on(table.projectId, table.name),
    uniqueIndex("relation_types_project_hotkey").on(table.projectId, table.hotkey),
  ],
);

export const attributeKinds = ["boolean", "choice", "text"] as const;
export type AttributeKind = (typeof attributeKinds)[number];

/** A typed attribute of a label's spans, e.g. `negated` (boolean) or `certainty` (low | high). */
export const labelAttributes = sqliteTable(
  "label_attributes",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    labelId: integer()
      .notNull()
      .references(() => labels.id, { onDelete: "cascade" }),
    name: text().notNull(),
    kind: text({ enum: attributeKinds }).notNull(),
    // The values a "choice" attribute takes, in the order keys pick them; empty for other kinds.
    options: text({ mode: "json" }).$type<string[]>().notNull().default([]),
    hotkey: text(),
    position: integer().notNull(),
  },
  (table) => [uniqueIndex("label_attributes_label_name").on(table.labelId, table.name)],
);

/** A question asked of a whole document ("topic", "stance"), answered with one or more options. */
export const documentLabelSets = sqliteTable(
  "document_label_sets",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text().notNull(),
    multiple: integer({ mode: "boolean" }).notNull().default(false),
    position: integer().notNull(),
  },
  (table) => [uniqueIndex("document_label_sets_project_name").on(table.projectId, table.name)],
);

export const documentLabelOptions = sqliteTable(
  "document_label_options",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    setId: integer()
      .notNull()
      .references(() => documentLabelSets.id, { onDelete: "cascade" }),
    name: text().notNull(),
    hotkey: text(),
    position: integer().notNull(),
  },
  (table) => [
    uniqueIndex("document_label_options_set_name").on(table.setId, table.name),
    index("document_label_options_set").on(table.setId, table.position),
  ],
);

export const relationTypesRelations = relations(relationTypes, ({ one }) => ({
  project: one(projects, { fields: [relationTypes.projectId], references: [projects.id] }),
}));

export const labelAttributesRelations = relations(labelAttributes, ({ one }) => ({
  label: one(labels, { fields: [labelAttributes.labelId], references: [labels.id] }),
}));

export const documentLabelSetsRelations = relations(documentLabelSets, ({ one, many }) => ({
  project: one(projects, { fields: [documentLabelSets.projectId], references: [projects.id] }),
  options: many(documentLabelOptions),
}));

export const documentLabelOptionsRelations = relations(documentLabelOptions, ({ one }) => ({
  set: one(documentLabelSets, {
    fields: [documentLabelOptions.setId],
    references: [documentLabelSets.id],
  }),
}));
