import { and, asc, count, eq, exists, max, sql } from "drizzle-orm";
import { tablesOf, type Queryable } from "@/db/open-database";
import { computeProjectAgreement } from "@/domain/agreement/project-agreement";
import type { AgreementInput } from "@/domain/agreement/types";
import { listLabels } from "../projects";
import { loadSubmittedSpans } from "./submissions";
import { loadAgreementScheme, loadSubmittedStructure } from "./submitted-structure";

/**
 * Reads what agreement is computed from: the texts, spans, relations, attribute values and
 * document labels of submitted work only, and the project's scheme by name.
 */
export async function loadAgreementInput(
  db: Queryable,
  projectId: number,
): Promise<AgreementInput> {
  const { annotations, documents } = tablesOf(db);
  const { spansByDocument, annotators } = await loadSubmittedSpans(db, { projectId });
  const texts = await db
    .select({ id: documents.id, text: documents.text })
    .from(documents)
    .where(
      and(
        eq(documents.projectId, projectId),
        exists(
          db
            .select({ one: annotations.id })
            .from(annotations)
            .where(
              and(eq(annotations.documentId, documents.id), eq(annotations.status, "submitted")),
            ),
        ),
      ),
    )
    .orderBy(asc(documents.id));
  const labels = await listLabels(db, projectId);
  const { labelsWithAttributes, ...scheme } = await loadAgreementScheme(db, projectId);
  const structure = await loadSubmittedStructure(db, { projectId }, labelsWithAttributes);
  return {
    labels: labels.map((label) => label.name),
    scheme,
    documents: texts.map(({ id, text }) => {
      const spans = spansByDocument.get(id) ?? [];
      return {
        id,
        text,
        annotations: [...(annotators.get(id) ?? [])].map((annotator) => {
          const attributes = structure.attributes.get(id)?.get(annotator);
          return {
            annotator,
            spans: spans
              .filter((span) => span.annotator === annotator)
              .map((span) => {
                const values = attributes?.get(`${span.start}:${span.end}:${span.label}`);
                return values ? { ...span, attributes: values } : span;
              }),
            relations: structure.relations.get(id)?.get(annotator) ?? [],
            choices: structure.choices.get(id)?.get(annotator) ?? {},
          };
        }),
      };
    }),
  };
}

/**
 * Changes whenever anything agreement reads from changes: every edit, submission or reopening of
 * a layer bumps its version (and its id set changes when layers come or go), and the names of
 * labels, relation types, attributes and document labels are what the metrics group by (a
 * renamed or deleted one changes no layer's version). Cheap next to the computation: one pass
 * over the project's layers.
 */
export async function readAgreementFingerprint(db: Queryable, projectId: number): Promise<string> {
  const { annotations, documentLabelOptions, documentLabelSets, documents, labels } = tablesOf(db);
  // Plain numbers on both databases: PostgreSQL's sums come back as text, and the last change,
  // a Date on both, is kept as its milliseconds.
  const [layers] = await db
    .select({
      count: count(),
      versions: sql<number>`coalesce(sum(${annotations.version}), 0)`.mapWith(Number),
      ids: sql<number>`coalesce(sum(${annotations.id}), 0)`.mapWith(Number),
      lastChange: max(annotations.updatedAt),
    })
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .where(eq(documents.projectId, projectId));
  const labelNames = await db
    .select({ id: labels.id, name: labels.name })
    .from(labels)
    .where(eq(labels.projectId, projectId))
    .orderBy(asc(labels.id));
  const scheme = await loadAgreementScheme(db, projectId);
  const optionNames = await db
    .select({ id: documentLabelOptions.id, name: documentLabelOptions.name })
    .from(documentLabelOptions)
    .innerJoin(documentLabelSets, eq(documentLabelSets.id, documentLabelOptions.setId))
    .where(eq(documentLabelSets.projectId, projectId))
    .orderBy(asc(documentLabelOptions.id));
  const lastChange = layers?.lastChange?.getTime() ?? 0;
  return JSON.stringify([{ ...layers, lastChange }, labelNames, scheme, optionNames]);
}

/**
 * The project's figures. Each document's own alpha is the disagreement list's to show, a page at
 * a time (listDocumentsByDisagreement): on 20,000 documents it was nine tenths of this answer.
 */
export async function computeAgreement(db: Queryable, projectId: number) {
  const input = await loadAgreementInput(db, projectId);
  const { annotators, token, span, relations, attributes, documentLabels } =
    computeProjectAgreement(input);
  return { annotators, token, span, relations, attributes, documentLabels };
}

/** Documents with at least two submissions, least agreement first ("n/a" last), for triage. */
export async function listDocumentsByDisagreement(db: Queryable, projectId: number) {
  const { documents } = tablesOf(db);
  const input = await loadAgreementInput(db, projectId);
  const agreement = computeProjectAgreement(input);
  const rows = await db
    .select({ id: documents.id, externalId: documents.externalId })
    .from(documents)
    .where(eq(documents.projectId, projectId));
  const externalIds = new Map(rows.map((row) => [row.id, row.externalId]));
  const byId = new Map(input.documents.map((document) => [document.id, document]));
  return agreement.documents
    .map(({ id, alpha }) => {
      const annotations = byId.get(id)?.annotations ?? [];
      const labels = new Set(annotations.flatMap((a) => a.spans.map((span) => span.label)));
      return {
        id,
        externalId: externalIds.get(id) ?? null,
        alpha,
        annotators: annotations.map((a) => a.annotator).sort(),
        labels: [...labels].sort(),
      };
    })
    .sort((a, b) => (a.alpha ?? Infinity) - (b.alpha ?? Infinity) || a.id - b.id);
}
