import { and, asc, eq, inArray } from "drizzle-orm";
import { insertRows } from "@/db/bulk-insert";
import { tablesOf, type Queryable, type Tx } from "@/db/open-database";
import type { AnnotationRecord, DocumentRecord } from "@/domain/formats/jsonl";
import { defaultLabelColor, defaultLabelHotkey } from "@/domain/labels";
import { createLabel } from "../labels";
import { layerDetailRows } from "./layer-detail-rows";
import type { SchemeImport } from "./import-scheme";

/** A checked document to write: new, or replacing the project's document `existingId`. */
export type DocumentWrite = { record: DocumentRecord; existingId?: number };

// Ids looked up in one query: well under either database's limit on bound values.
const lookupSize = 1000;

/**
 * The writes of an import, a batch of documents at a time: an import inserts rows by the hundred
 * thousand, so each table's rows of a batch go in together (see insertRows).
 *
 * Given a staging project (see import-staging.ts), the store checks ids and labels against the
 * project but writes documents, replacements and new labels into the staging project, and leaves
 * memberships to the publishing: until then, the project looks as it was.
 */
export async function createDocumentStore(
  db: Queryable,
  projectId: number,
  stagingProjectId?: number,
) {
  const writeProjectId = stagingProjectId ?? projectId;
  const { labels } = tablesOf(db);
  const labelRows = await db
    .select({ id: labels.id, name: labels.name, hotkey: labels.hotkey })
    .from(labels)
    .where(eq(labels.projectId, projectId))
    .orderBy(asc(labels.position));
  const labelIds = new Map(labelRows.map((label) => [label.name, label.id]));
  const hotkeys = new Set(labelRows.map((label) => label.hotkey));
  const userIds = new Map<string, number>();
  const createdUserIds: number[] = [];

  const accountOf = async (tx: Tx, name: string): Promise<number> => {
    const { users } = tablesOf(tx);
    const [found] = await tx.select({ id: users.id }).from(users).where(eq(users.name, name));
    if (found) return found.id;
    const [created] = await insertRows(tx, users, [{ name }]);
    if (created === undefined) throw new Error(`no account was created for "${name}"`);
    createdUserIds.push(created);
    return created;
  };

  const userIdOf = async (tx: Tx, name: string): Promise<number> => {
    const known = userIds.get(name);
    if (known !== undefined) return known;
    const id = await accountOf(tx, name);
    // An annotator already in the project keeps their role.
    if (stagingProjectId === undefined) {
      const { memberships } = tablesOf(tx);
      await tx
        .insert(memberships)
        .values({ projectId, userId: id, role: "annotator" })
        .onConflictDoNothing();
    }
    userIds.set(name, id);
    return id;
  };

  const insertAnnotations = async (
    tx: Tx,
    layers: [number, AnnotationRecord][],
    scheme: SchemeImport,
  ) => {
    const { annotations, documentChoices, spanRelations, spans } = tablesOf(tx);
    const rows = [];
    for (const [documentId, annotation] of layers) {
      const userId = await userIdOf(tx, annotation.annotator);
      rows.push({ documentId, userId, status: annotation.status });
    }
    const ids = await insertRows(tx, annotations, rows);
    const spanRows = layers.flatMap(([, annotation], index) =>
      annotation.spans.map((span) => ({
        annotationId: ids[index] as number,
        start: span.start,
        end: span.end,
        labelId: labelIds.get(span.label) as number,
        attributes: span.attributes ?? {},
        note: span.note ?? "",
        fragments: span.fragments ?? [],
      })),
    );
    const spanIds = await insertRows(tx, spans, spanRows);
    const details = layerDetailRows(
      layers.map(([, annotation], index) => ({ annotationId: ids[index] as number, annotation })),
      spanIds,
      scheme,
    );
    await insertRows(tx, spanRelations, details.relations);
    if (details.choices.length > 0) await tx.insert(documentChoices).values(details.choices);
  };

  /** The document's text, meta and every layer (gold too) become the file's. */
  const replace = async (tx: Tx, documentId: number, record: DocumentRecord) => {
    const { annotations, documents } = tablesOf(tx);
    await tx
      .update(documents)
      .set({ text: record.text, meta: record.meta })
      .where(eq(documents.id, documentId));
    await tx.delete(annotations).where(eq(annotations.documentId, documentId));
  };

  return {
    /** The annotators the documents name, as accounts (created as needed). */
    annotatorIds: () => userIds.values(),
    /** The accounts the store created for annotators it did not know. */
    createdUserIds: () => [...createdUserIds],
    /** The project's labels, by name. */
    labelNames: () => new Set(labelIds.keys()),
    /** A label the file uses and the project lacks, given the next digit key still free. */
    async createLabel(tx: Tx, name: string) {
      const hotkey = defaultLabelHotkey(labelIds.size);
      const free = hotkey !== null && !hotkeys.has(hotkey) ? hotkey : null;
      hotkeys.add(free);
      // The colour it would get as the project's next label, which it becomes when published.
      const color = defaultLabelColor(labelIds.size);
      const label = await createLabel(tx, writeProjectId, { name, hotkey: free, color });
      labelIds.set(name, label.id);
    },
    /** The ids of the project's documents with these external ids. */
    async findDocuments(db: Queryable, externalIds: string[]): Promise<Map<string, number>> {
      const { documents } = tablesOf(db);
      const found = new Map<string, number>();
      for (let at = 0; at < externalIds.length; at += lookupSize) {
        const rows = await db
          .select({ id: documents.id, externalId: documents.externalId })
          .from(documents)
          .where(
            and(
              eq(documents.projectId, projectId),
              inArray(documents.externalId, externalIds.slice(at, at + lookupSize)),
            ),
          );
        for (const row of rows) found.set(row.externalId ?? "", row.id);
      }
      return found;
    },
    /** Writes a batch: new documents (all of them, into a staging project), then replacements. */
    async write(tx: Tx, writes: DocumentWrite[], scheme: SchemeImport) {
      const { documents } = tablesOf(tx);
      const inserted: DocumentRecord[] = [];
      const layers: [number, AnnotationRecord][] = [];
      for (const { record, existingId } of writes) {
        if (existingId === undefined || stagingProjectId !== undefined) inserted.push(record);
        else {
          await replace(tx, existingId, record);
          for (const annotation of record.annotations) layers.push([existingId, annotation]);
        }
      }
      const documentIds = await insertRows(
        tx,
        documents,
        inserted.map((record) => ({
          projectId: writeProjectId,
          externalId: record.id,
          text: record.text,
          meta: record.meta,
        })),
      );
      inserted.forEach((record, index) => {
        const documentId = documentIds[index] as number;
        for (const annotation of record.annotations) layers.push([documentId, annotation]);
      });
      await insertAnnotations(tx, layers, scheme);
    },
  };
}

export type DocumentStore = Awaited<ReturnType<typeof createDocumentStore>>;
