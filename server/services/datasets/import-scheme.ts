import { and, eq, inArray, sql } from "drizzle-orm";
import { insertRows } from "@/db/bulk-insert";
import { tablesOf, type Queryable, type Tx } from "@/db/open-database";
import { InputError } from "@/domain/errors";
import type { DocumentRecord } from "@/domain/formats/jsonl";
import type { AttributeValue } from "@/domain/span-details";
import { defaultLabelColor } from "@/domain/labels";
import {
  attributeKey,
  loadProjectScheme,
  type KnownAttribute,
  type KnownSet,
  type SchemeCreated,
} from "./import-scheme-load";

/** A string attribute with more distinct values than this is created as free text, not one-of. */
const maxChoiceOptions = 20;

type PendingAttribute = { label: string; name: string; kind: "boolean" | "text"; values: string[] };

/**
 * The project's scheme beyond labels, as an import meets it: relation types, label attributes and
 * document label sets the files name. Names the project lacks are created, as labels are, or
 * refused under `strict`. Relation types and label sets are created in the write project (the
 * staging project, moved by publishScheme); attributes, which spans name rather than reference,
 * are created once the import is published, knowing every value the files gave them.
 */
export async function createSchemeImport(db: Queryable, projectId: number, writeProjectId: number) {
  const known = await loadProjectScheme(db, projectId);
  const pending = new Map<string, PendingAttribute>();
  const created: SchemeCreated = { relationTypes: [], attributes: [], documentLabels: [] };
  const staged = new Map<string, KnownSet>();

  /** The problem with one attribute value, or null; notes new ones to create. */
  const judgeAttribute = (label: string, name: string, value: AttributeValue, strict: boolean) => {
    const kind = typeof value === "boolean" ? "boolean" : "text";
    const existing: KnownAttribute | undefined = known.attributes.get(attributeKey(label, name));
    if (existing) {
      if ((existing.kind === "boolean") !== (kind === "boolean")) {
        return `attribute "${name}" of ${label} is ${existing.kind}, not ${JSON.stringify(value)}`;
      }
      if (existing.kind === "choice" && !existing.options.includes(value as string)) {
        if (strict) {
          return `"${String(value)}" is not an option of ${label}'s "${name}" (${existing.options.join(", ")})`;
        }
      } else return null;
    } else if (strict) return `unknown attribute "${name}" of ${label}`;
    const key = attributeKey(label, name);
    const entry = pending.get(key) ?? { label, name, kind, values: [] };
    if (entry.kind !== kind) {
      return `attribute "${name}" of ${label} is given both flags and values`;
    }
    if (kind === "text" && !entry.values.includes(value as string))
      entry.values.push(value as string);
    pending.set(key, entry);
    return null;
  };

  return {
    created,
    /** What in the document the scheme refuses; line numbers from `lineOf` a span start. */
    check(
      record: DocumentRecord,
      line: number,
      lineOf: (start: number) => number,
      strict: boolean,
    ) {
      for (const [a, annotation] of record.annotations.entries()) {
        for (const [s, span] of annotation.spans.entries()) {
          for (const [name, value] of Object.entries(span.attributes ?? {})) {
            const problem = judgeAttribute(span.label, name, value, strict);
            const field = `annotations[${a}].spans[${s}].attributes.${name}`;
            const quoted = `"${record.text.slice(span.start, span.end)}": ${problem}`;
            if (problem) return new InputError(lineOf(span.start), field, quoted);
          }
        }
        for (const [r, relation] of (annotation.relations ?? []).entries()) {
          if (strict && !known.relationTypes.has(relation.type)) {
            const names = [...known.relationTypes.keys()].join(", ") || "none";
            const reason = `unknown relation type "${relation.type}" (the project's: ${names})`;
            return new InputError(
              lineOf(relation.source.start),
              `annotations[${a}].relations[${r}]`,
              reason,
            );
          }
        }
        for (const [setName, options] of Object.entries(annotation.documentLabels ?? {})) {
          const set = known.sets.get(setName);
          const field = `annotations[${a}].documentLabels.${setName}`;
          if (!set && strict)
            return new InputError(line, field, `unknown document label set "${setName}"`);
          if (set && !set.multiple && options.length > 1) {
            const reason = `"${setName}" takes one option, not ${options.join(", ")}`;
            return new InputError(line, field, reason);
          }
          const missing = set && options.find((option) => !set.options.has(option));
          if (missing && strict) {
            return new InputError(line, field, `"${missing}" is not an option of "${setName}"`);
          }
        }
      }
      return null;
    },
    /** Creates what the document names and the scheme lacks; a dry run only counts it. */
    async plan(tx: Tx, record: DocumentRecord, dryRun: boolean) {
      for (const annotation of record.annotations) {
        for (const relation of annotation.relations ?? []) {
          if (known.relationTypes.has(relation.type)) continue;
          created.relationTypes.push(relation.type);
          const directed = relation.directed !== false;
          const id = dryRun
            ? 0
            : await insertRelationType(
                tx,
                writeProjectId,
                relation.type,
                directed,
                created.relationTypes.length,
              );
          known.relationTypes.set(relation.type, { id, directed });
        }
        for (const [setName, options] of Object.entries(annotation.documentLabels ?? {})) {
          const set = known.sets.get(setName) ?? staged.get(setName);
          const missing = options.filter((option) => !set?.options.has(option));
          if (missing.length === 0 && set && (set.multiple || options.length < 2)) continue;
          const target =
            set && set.projectId === writeProjectId ? set : await stageSet(tx, setName, dryRun);
          if (options.length > 1 && !target.multiple) {
            target.multiple = true;
            if (!dryRun) await markMultiple(tx, target.id);
          }
          for (const option of missing) {
            created.documentLabels.push(`${setName}: ${option}`);
            const optionId = dryRun
              ? 0
              : await insertOption(tx, target.id, option, target.options.size);
            target.options.set(option, optionId);
            set?.options.set(option, optionId);
          }
        }
      }
    },
    relationType: (name: string) => known.relationTypes.get(name),
    optionId(setName: string, option: string) {
      return (
        known.sets.get(setName)?.options.get(option) ?? staged.get(setName)?.options.get(option)
      );
    },
    /** Counts the attributes to create, for the summary (a dry run never publishes). */
    attributesToCreate() {
      return [...pending.values()]
        .filter((entry) => !known.attributes.has(attributeKey(entry.label, entry.name)))
        .map((entry) => `${entry.label}.${entry.name}`);
    },
    /** Once the import's labels are the project's: creates its attributes, adds new options. */
    async publishAttributes(tx: Tx, targetId: number) {
      await publishAttributes(tx, targetId, [...pending.values()], known.attributes);
    },
  };

  async function stageSet(tx: Tx, name: string, dryRun: boolean): Promise<KnownSet> {
    const found = staged.get(name);
    if (found) return found;
    const id = dryRun
      ? 0
      : await insertSet(tx, writeProjectId, name, staged.size + known.sets.size);
    const set: KnownSet = { id, projectId: writeProjectId, multiple: false, options: new Map() };
    staged.set(name, set);
    if (!known.sets.has(name)) known.sets.set(name, set);
    return set;
  }
}

async function insertRelationType(
  tx: Tx,
  projectId: number,
  name: string,
  directed: boolean,
  n: number,
) {
  const { relationTypes } = tablesOf(tx);
  const [id] = await insertRows(tx, relationTypes, [
    { projectId, name, color: defaultLabelColor(n + 3), hotkey: null, directed, position: n },
  ]);
  return id as number;
}

async function insertSet(tx: Tx, projectId: number, name: string, position: number) {
  const { documentLabelSets } = tablesOf(tx);
  const [id] = await insertRows(tx, documentLabelSets, [
    { projectId, name, multiple: false, position },
  ]);
  return id as number;
}

async function insertOption(tx: Tx, setId: number, name: string, position: number) {
  const { documentLabelOptions } = tablesOf(tx);
  const [id] = await insertRows(tx, documentLabelOptions, [
    { setId, name, hotkey: null, position },
  ]);
  return id as number;
}

async function markMultiple(tx: Tx, setId: number) {
  const { documentLabelSets } = tablesOf(tx);
  await tx.update(documentLabelSets).set({ multiple: true }).where(eq(documentLabelSets.id, setId));
}

async function publishAttributes(
  tx: Tx,
  projectId: number,
  pending: PendingAttribute[],
  known: Map<string, KnownAttribute>,
) {
  if (pending.length === 0) return;
  const { labelAttributes, labels } = tablesOf(tx);
  const names = [...new Set(pending.map((entry) => entry.label))];
  const labelRows = await tx
    .select({ id: labels.id, name: labels.name })
    .from(labels)
    .where(and(eq(labels.projectId, projectId), inArray(labels.name, names)));
  const labelIds = new Map(labelRows.map((row) => [row.name, row.id]));
  for (const entry of pending) {
    const labelId = labelIds.get(entry.label);
    if (labelId === undefined) continue;
    const existing = known.get(attributeKey(entry.label, entry.name));
    if (existing) {
      const options = [
        ...existing.options,
        ...entry.values.filter((v) => !existing.options.includes(v)),
      ];
      await tx.update(labelAttributes).set({ options }).where(eq(labelAttributes.id, existing.id));
      continue;
    }
    const choice = entry.kind === "text" && entry.values.length <= maxChoiceOptions;
    await tx.insert(labelAttributes).values({
      labelId,
      name: entry.name,
      kind: entry.kind === "boolean" ? "boolean" : choice ? "choice" : "text",
      options: choice ? entry.values : [],
      hotkey: null,
      position: sql`(select coalesce(max(${labelAttributes.position}), -1) + 1 from ${labelAttributes} where ${labelAttributes.labelId} = ${labelId})`,
    });
  }
}

export type SchemeImport = Awaited<ReturnType<typeof createSchemeImport>>;
