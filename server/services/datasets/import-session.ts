import type { Queryable, Tx } from "@/db/open-database";
import type { projects } from "@/db/schema";
import { FileInputError, InputError } from "@/domain/errors";
import type { DocumentRecord } from "@/domain/formats/jsonl";
import type { ReadItem } from "@/domain/formats/read-items";
import {
  alignSpansToCharacters,
  isSplitCharacterProblem,
  type SplitCharacters,
} from "@/domain/formats/whole-characters";
import { describeOverlap } from "@/domain/span-edits-check";
import { countDetails, noDetailCounts } from "@/domain/formats/record-details";
import { spansOverlap } from "@/domain/spans";
import { resolveDocumentLanguage, type DocumentLanguage } from "@/domain/text-direction";
import { createDocumentStore, type DocumentWrite } from "./document-store";
import { createSchemeImport } from "./import-scheme";
import { publishScheme } from "./import-scheme-load";
import { findMissingEnd } from "./layer-ends";

export type ImportPolicy = {
  /** Refuse labels the project does not have, instead of creating them. */
  strict?: boolean;
  /** Import the valid documents and list the others, instead of importing nothing. */
  skipInvalid?: boolean;
  /** Documents whose id is already in the project take the file's text and annotations. */
  replace?: boolean;
  /** Check everything and write nothing: what the import would do, and what it would refuse. */
  dryRun?: boolean;
  /** A span inside a character refuses its document (the default) or is widened to it. */
  splitCharacters?: SplitCharacters;
};

/** Where something in the files is, and what about it. */
export type Problem = { file: string; line: number; field: string | null; reason: string };

export type PreviewDocument = {
  file: string;
  line: number;
  id: string | null;
  text: string;
  spans: { annotator: string; label: string; text: string }[];
} & DocumentLanguage;

export type ImportSummary = {
  /** New documents. */
  documents: number;
  replaced: number;
  /** Documents whose id the project already had, left unchanged. */
  alreadyPresent: number;
  annotations: number;
  spans: number;
  /** Relations between spans, span attributes set, notes, discontinuous spans, document labels. */
  relations: number;
  attributes: number;
  notes: number;
  fragments: number;
  documentLabels: number;
  labelsCreated: string[];
  /** The project's scheme beyond labels, grown as labels are: "works-for", "PER.negated", "topic: sports". */
  relationTypesCreated: string[];
  attributesCreated: string[];
  documentLabelsCreated: string[];
  /** Documents not imported (with skipInvalid, or found by a dry run). */
  invalid: Problem[];
  /** What the files hold that Concord keeps no place for (relations, notes, attributes...). */
  leftOut: Problem[];
  /** The first documents, as they would be stored. */
  preview: PreviewDocument[];
};

type Project = typeof projects.$inferSelect;

const previewSize = 5;
const previewTextLength = 400;

/**
 * Takes what the readers find and checks each document against the project as it comes
 * (`accept`); `save` then stores the documents accepted since the last save (in the staging
 * project, when given one), in one batch.
 */
export async function createImportSession(
  db: Queryable,
  project: Project,
  policy: ImportPolicy,
  stagingProjectId?: number,
) {
  const store = await createDocumentStore(db, project.id, stagingProjectId);
  const scheme = await createSchemeImport(db, project.id, stagingProjectId ?? project.id);
  const labels = store.labelNames();
  const projectLabels = [...labels].join(", ") || "none";
  const seenIds = new Map<string, { file: string; line: number }>();
  let accepted: DocumentRecord[] = [];
  const summary: ImportSummary = {
    documents: 0,
    replaced: 0,
    alreadyPresent: 0,
    annotations: 0,
    spans: 0,
    ...noDetailCounts(),
    labelsCreated: [],
    relationTypesCreated: scheme.created.relationTypes,
    attributesCreated: [],
    documentLabelsCreated: scheme.created.documentLabels,
    invalid: [],
    leftOut: [],
    preview: [],
  };

  const reject = (file: string, error: InputError) => {
    const located = error instanceof FileInputError ? error : new FileInputError(file, error);
    if (!policy.skipInvalid && !policy.dryRun) throw located;
    const { line, field, reason } = located;
    summary.invalid.push({ file: located.file, line, field, reason });
  };

  const check = (
    file: string,
    line: number,
    record: DocumentRecord,
    lineOf: (start: number) => number,
  ): InputError | null => {
    if (record.id !== null) {
      const first = seenIds.get(record.id);
      if (first) {
        const where =
          first.file === file ? `line ${first.line}` : `${first.file}, line ${first.line}`;
        return new InputError(line, "id", `id "${record.id}" was already used on ${where}`);
      }
    }
    for (const [a, annotation] of record.annotations.entries()) {
      for (const [s, span] of annotation.spans.entries()) {
        const field = `annotations[${a}].spans[${s}]`;
        if (!labels.has(span.label) && policy.strict) {
          const reason = `unknown label "${span.label}" (the project's labels: ${projectLabels})`;
          return new InputError(lineOf(span.start), `${field}.label`, reason);
        }
        const clash = project.allowOverlap
          ? undefined
          : annotation.spans.find((o, i) => i < s && spansOverlap(o, span));
        if (clash) {
          const overlap = describeOverlap(record.text, span, clash, clash.label);
          return new InputError(lineOf(span.start), field, `"${annotation.annotator}": ${overlap}`);
        }
      }
      const missing = findMissingEnd(record.text, annotation);
      if (missing)
        return new InputError(lineOf(missing.start), `annotations[${a}].relations`, missing.reason);
    }
    return scheme.check(record, line, lineOf, policy.strict ?? false);
  };

  /** Whether the document is written, counted in the summary, its new labels created. */
  const plan = async (tx: Tx, record: DocumentRecord, existingId: number | undefined) => {
    if (existingId !== undefined && !policy.replace) {
      summary.alreadyPresent++;
      return false;
    }
    // Labels come with the documents that use them: a document left unchanged creates none.
    for (const annotation of record.annotations) {
      for (const span of annotation.spans) {
        if (labels.has(span.label)) continue;
        labels.add(span.label);
        summary.labelsCreated.push(span.label);
        if (!policy.dryRun) await store.createLabel(tx, span.label);
      }
    }
    await scheme.plan(tx, record, policy.dryRun ?? false);
    if (existingId !== undefined) summary.replaced++;
    else summary.documents++;
    summary.annotations += record.annotations.length;
    for (const annotation of record.annotations) {
      summary.spans += annotation.spans.length;
      countDetails(summary, annotation);
    }
    return !policy.dryRun;
  };

  return {
    summary,
    annotatorIds: store.annotatorIds,
    createdUserIds: store.createdUserIds,
    accept(file: string, item: ReadItem) {
      if (item.kind === "left-out") {
        summary.leftOut.push({ file: item.file ?? file, ...item.entry });
        return;
      }
      if (item.kind === "invalid") return reject(item.file ?? file, item.error);
      const lineOf = item.lineOfSpan ?? (() => item.line);
      const record = alignSpansToCharacters(item.record, policy.splitCharacters ?? "refuse");
      if (isSplitCharacterProblem(record)) {
        return reject(file, new InputError(lineOf(record.start), record.field, record.reason));
      }
      const problem = check(file, item.line, record, lineOf);
      if (problem) return reject(file, problem);
      if (record.id !== null) seenIds.set(record.id, { file, line: item.line });
      accepted.push(record);
      if (summary.preview.length < previewSize) {
        summary.preview.push(previewOf(file, item.line, record));
      }
    },
    hasUnsaved: () => accepted.length > 0,
    /** Stores what was accepted since the last save; a dry run only counts it. */
    async save(tx: Tx) {
      const records = accepted;
      accepted = [];
      const ids = records.flatMap((record) => (record.id === null ? [] : [record.id]));
      const existing = await store.findDocuments(tx, ids);
      const writes: DocumentWrite[] = [];
      for (const record of records) {
        const existingId = record.id === null ? undefined : existing.get(record.id);
        if (await plan(tx, record, existingId)) writes.push({ record, existingId });
      }
      if (writes.length > 0) await store.write(tx, writes, scheme);
      summary.attributesCreated = scheme.attributesToCreate();
    },
    /**
     * Makes the scheme the import grew the project's: a staged import's relation types and
     * label sets (once its labels are moved), then the attributes its spans name.
     */
    async publishScheme(tx: Tx) {
      if (stagingProjectId !== undefined) await publishScheme(tx, stagingProjectId, project.id);
      await scheme.publishAttributes(tx, project.id);
    },
  };
}

function previewOf(file: string, line: number, record: DocumentRecord): PreviewDocument {
  return {
    file,
    line,
    id: record.id,
    text: record.text.slice(0, previewTextLength),
    ...resolveDocumentLanguage(record.meta, record.text),
    spans: record.annotations.flatMap((annotation) =>
      annotation.spans.map((span) => ({
        annotator: annotation.annotator,
        label: span.label,
        text: record.text.slice(span.start, span.end),
      })),
    ),
  };
}

export type ImportSession = Awaited<ReturnType<typeof createImportSession>>;
