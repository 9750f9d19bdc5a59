import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { tablesOf, type Queryable } from "@/db/open-database";
import type { AgreementRelation, AgreementScheme } from "@/domain/agreement/types";
import type { SpanAttributes } from "@/domain/span-details";
import { listLabels } from "../projects";
import { listScheme } from "../scheme";

/** Submitted layers of a project, or of one document. */
export type SubmittedScope = { projectId: number } | { documentId: number };

/** What a document's submitted layers hold beyond spans, by document id, then annotator. */
export type SubmittedStructure = {
  relations: Map<number, Map<string, AgreementRelation[]>>;
  /** Option names by set name. */
  choices: Map<number, Map<string, Record<string, string[]>>>;
  /** Attribute values of the spans of labels with attributes, by `start:end:label`. */
  attributes: Map<number, Map<string, Map<string, SpanAttributes>>>;
};

/** The project's scheme by name, in its order, as agreement and curation compare it. */
export async function loadAgreementScheme(
  db: Queryable,
  projectId: number,
): Promise<AgreementScheme & { labelsWithAttributes: number[] }> {
  const labelNames = new Map(
    (await listLabels(db, projectId)).map((label) => [label.id, label.name]),
  );
  const { relationTypes, attributes, documentLabelSets } = await listScheme(db, projectId);
  return {
    relationTypes: relationTypes.map(({ name, directed }) => ({ name, directed })),
    attributes: attributes.map(({ labelId, name, kind }) => ({
      label: labelNames.get(labelId) ?? "",
      name,
      kind,
    })),
    documentLabelSets: documentLabelSets.map(({ name, multiple }) => ({ name, multiple })),
    labelsWithAttributes: [...new Set(attributes.map((attribute) => attribute.labelId))],
  };
}

/**
 * The relations, document labels and attribute values of submitted annotator layers (gold has no
 * user, so the joins with users leave it out). Three queries, each empty when the project has
 * nothing of its kind, so a project of flat spans pays three index lookups.
 */
export async function loadSubmittedStructure(
  db: Queryable,
  scope: SubmittedScope,
  labelsWithAttributes: readonly number[],
): Promise<SubmittedStructure> {
  const structure: SubmittedStructure = {
    relations: new Map(),
    choices: new Map(),
    attributes: new Map(),
  };
  for (const row of await readRelations(db, scope)) {
    const { source, target } = row;
    const relation = { type: row.type, source, target };
    slot(structure.relations, row.documentId, row.annotator, () => []).push(relation);
  }
  for (const row of await readChoices(db, scope)) {
    const chosen = slot<Record<string, string[]>>(
      structure.choices,
      row.documentId,
      row.annotator,
      () => ({}),
    );
    (chosen[row.set] ??= []).push(row.option);
  }
  if (labelsWithAttributes.length > 0) {
    for (const row of await readAttributes(db, scope, labelsWithAttributes)) {
      const spans = slot(structure.attributes, row.documentId, row.annotator, () => new Map());
      spans.set(`${row.start}:${row.end}:${row.label}`, row.attributes);
    }
  }
  return structure;
}

function slot<T>(
  map: Map<number, Map<string, T>>,
  documentId: number,
  annotator: string,
  create: () => T,
): T {
  const byAnnotator = map.get(documentId) ?? new Map<string, T>();
  map.set(documentId, byAnnotator);
  const existing = byAnnotator.get(annotator);
  if (existing !== undefined) return existing;
  const created = create();
  byAnnotator.set(annotator, created);
  return created;
}

function submitted(db: Queryable, scope: SubmittedScope): SQL | undefined {
  const { annotations, documents } = tablesOf(db);
  return and(
    "projectId" in scope
      ? eq(documents.projectId, scope.projectId)
      : eq(annotations.documentId, scope.documentId),
    eq(annotations.status, "submitted"),
  );
}

async function readRelations(db: Queryable, scope: SubmittedScope) {
  const { annotations, documents, labels, relationTypes, spanRelations, spans, users } =
    tablesOf(db);
  const source = alias(spans, "source_span");
  const target = alias(spans, "target_span");
  const sourceLabel = alias(labels, "source_label");
  const targetLabel = alias(labels, "target_label");
  return db
    .select({
      documentId: annotations.documentId,
      annotator: users.name,
      type: relationTypes.name,
      source: { start: source.start, end: source.end, label: sourceLabel.name },
      target: { start: target.start, end: target.end, label: targetLabel.name },
    })
    .from(spanRelations)
    .innerJoin(annotations, eq(annotations.id, spanRelations.annotationId))
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .innerJoin(users, eq(users.id, annotations.userId))
    .innerJoin(relationTypes, eq(relationTypes.id, spanRelations.typeId))
    .innerJoin(source, eq(source.id, spanRelations.sourceSpanId))
    .innerJoin(target, eq(target.id, spanRelations.targetSpanId))
    .innerJoin(sourceLabel, eq(sourceLabel.id, source.labelId))
    .innerJoin(targetLabel, eq(targetLabel.id, target.labelId))
    .where(submitted(db, scope));
}

async function readChoices(db: Queryable, scope: SubmittedScope) {
  const {
    annotations,
    documentChoices,
    documentLabelOptions,
    documentLabelSets,
    documents,
    users,
  } = tablesOf(db);
  return db
    .select({
      documentId: annotations.documentId,
      annotator: users.name,
      set: documentLabelSets.name,
      option: documentLabelOptions.name,
    })
    .from(documentChoices)
    .innerJoin(annotations, eq(annotations.id, documentChoices.annotationId))
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .innerJoin(users, eq(users.id, annotations.userId))
    .innerJoin(documentLabelOptions, eq(documentLabelOptions.id, documentChoices.optionId))
    .innerJoin(documentLabelSets, eq(documentLabelSets.id, documentLabelOptions.setId))
    .where(submitted(db, scope))
    .orderBy(asc(documentLabelOptions.position), asc(documentLabelOptions.id));
}

async function readAttributes(db: Queryable, scope: SubmittedScope, labelIds: readonly number[]) {
  const { annotations, documents, labels, spans, users } = tablesOf(db);
  return db
    .select({
      documentId: annotations.documentId,
      annotator: users.name,
      start: spans.start,
      end: spans.end,
      label: labels.name,
      attributes: spans.attributes,
    })
    .from(spans)
    .innerJoin(annotations, eq(annotations.id, spans.annotationId))
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .innerJoin(users, eq(users.id, annotations.userId))
    .innerJoin(labels, eq(labels.id, spans.labelId))
    .where(and(submitted(db, scope), inArray(spans.labelId, [...labelIds])));
}
