import { index, integer, primaryKey, pgTable, uniqueIndex } from "drizzle-orm/pg-core";
import { annotations, spans } from "./documents";
import { documentLabelOptions, relationTypes } from "./scheme";

/**
 * A relation between two spans of one layer. Its ends are span rows, so it lives and dies with
 * them: relabelling or resizing a span updates the row and keeps the relation, deleting it
 * deletes the relation.
 */
export const spanRelations = pgTable(
  "span_relations",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    annotationId: integer()
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    sourceSpanId: integer()
      .notNull()
      .references(() => spans.id, { onDelete: "cascade" }),
    targetSpanId: integer()
      .notNull()
      .references(() => spans.id, { onDelete: "cascade" }),
    typeId: integer()
      .notNull()
      .references(() => relationTypes.id, { onDelete: "cascade" }),
  },
  (table) => [
    uniqueIndex("span_relations_identity").on(table.sourceSpanId, table.targetSpanId, table.typeId),
    index("span_relations_layer").on(table.annotationId),
    index("span_relations_target").on(table.targetSpanId),
  ],
);

/** The document labels a layer chose: an annotator's answer, or gold's. */
export const documentChoices = pgTable(
  "document_choices",
  {
    annotationId: integer()
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    optionId: integer()
      .notNull()
      .references(() => documentLabelOptions.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.annotationId, table.optionId] }),
    index("document_choices_option").on(table.optionId),
  ],
);
