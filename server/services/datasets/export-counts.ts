import { and, count, countDistinct, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/open-database";
import { annotations, documents, users } from "@/db/schema";
import type { ExportLeftOut } from "@/domain/formats/writers/export-format";
import type { ExportSource } from "./export-source";
import { layersOf } from "./read-project";

/**
 * How many documents an export writes, and how many it leaves out and why, known before a byte
 * is written: gold exports skip documents without gold (and, unless asked, gold still being
 * curated); an annotator's export skips the documents they never worked on.
 */
export function countExportDocuments(db: Db, projectId: number, source: ExportSource) {
  const total =
    db.select({ n: count() }).from(documents).where(eq(documents.projectId, projectId)).get()?.n ??
    0;
  const none: ExportLeftOut = { withoutLayer: 0, uncurated: 0 };
  if (source.kind === "all") return { documents: total, leftOut: none };
  const layers = layersOf(db, source);
  const withLayer = layers ? countDocumentsWith(db, projectId, layers) : 0;
  const anyGold =
    source.kind === "gold" ? countDocumentsWith(db, projectId, isNull(annotations.userId)) : 0;
  const leftOut =
    source.kind === "gold"
      ? { withoutLayer: total - anyGold, uncurated: anyGold - withLayer }
      : { withoutLayer: total - withLayer, uncurated: 0 };
  return { documents: withLayer, leftOut };
}

function countDocumentsWith(db: Db, projectId: number, layers: ReturnType<typeof layersOf>) {
  return (
    db
      .select({ n: countDistinct(annotations.documentId) })
      .from(annotations)
      .innerJoin(documents, eq(documents.id, annotations.documentId))
      .where(and(eq(documents.projectId, projectId), layers ?? undefined))
      .get()?.n ?? 0
  );
}

/** A document with more than one annotator's layer, if any: formats holding one layer need a choice. */
export function findDocumentWithSeveralLayers(db: Db, projectId: number) {
  return db
    .select({
      id: documents.id,
      externalId: documents.externalId,
      annotators: sql<string>`group_concat(${users.name}, ', ')`,
    })
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .innerJoin(users, eq(users.id, annotations.userId))
    .where(eq(documents.projectId, projectId))
    .groupBy(documents.id)
    .having(sql`count(*) > 1`)
    .limit(1)
    .get();
}
