import { and, asc, count, countDistinct, eq, gt, isNull, type SQL } from "drizzle-orm";
import { tablesOf, type Queryable } from "@/db/open-database";
import type { ExportLeftOut } from "@/domain/formats/writers/export-format";
import type { ExportSource } from "./export-source";
import { layersOf } from "./read-project";

/**
 * How many documents an export writes, and how many it leaves out and why, known before a byte
 * is written: gold exports skip documents without gold (and, unless asked, gold still being
 * curated); an annotator's export skips the documents they never worked on.
 */
export async function countExportDocuments(db: Queryable, projectId: number, source: ExportSource) {
  const { annotations, documents } = tablesOf(db);
  const [all] = await db
    .select({ n: count() })
    .from(documents)
    .where(eq(documents.projectId, projectId));
  const total = all?.n ?? 0;
  const none: ExportLeftOut = { withoutLayer: 0, uncurated: 0 };
  if (source.kind === "all") return { documents: total, leftOut: none };
  const layers = await layersOf(db, source);
  const withLayer = layers ? await countDocumentsWith(db, projectId, layers) : 0;
  const anyGold =
    source.kind === "gold"
      ? await countDocumentsWith(db, projectId, isNull(annotations.userId))
      : 0;
  const leftOut =
    source.kind === "gold"
      ? { withoutLayer: total - anyGold, uncurated: anyGold - withLayer }
      : { withoutLayer: total - withLayer, uncurated: 0 };
  return { documents: withLayer, leftOut };
}

async function countDocumentsWith(db: Queryable, projectId: number, layers: SQL) {
  const { annotations, documents } = tablesOf(db);
  const [row] = await db
    .select({ n: countDistinct(annotations.documentId) })
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .where(and(eq(documents.projectId, projectId), layers));
  return row?.n ?? 0;
}

/**
 * The first document with more than one annotator's layer, if any, and their names: formats
 * holding one layer need a choice.
 */
export async function findDocumentWithSeveralLayers(db: Queryable, projectId: number) {
  const { annotations, documents, users } = tablesOf(db);
  const [shared] = await db
    .select({ id: documents.id, externalId: documents.externalId })
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .innerJoin(users, eq(users.id, annotations.userId))
    .where(eq(documents.projectId, projectId))
    .groupBy(documents.id)
    .having(gt(count(), 1))
    .orderBy(asc(documents.id))
    .limit(1);
  if (!shared) return undefined;
  const names = await db
    .select({ name: users.name })
    .from(annotations)
    .innerJoin(users, eq(users.id, annotations.userId))
    .where(eq(annotations.documentId, shared.id))
    .orderBy(asc(annotations.id));
  return { ...shared, annotators: names.map((row) => row.name).join(", ") };
}
