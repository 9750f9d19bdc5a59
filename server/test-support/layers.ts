// Test support: the version of a layer as a client that is up to date would send it.
import type { Queryable } from "@/db/open-database";
import { findLayerRow } from "../services/span-layer";

/** The current version of a user's layer of a document (gold when `userId` is null); 0 if none. */
export async function layerVersion(
  db: Queryable,
  documentId: number,
  userId: number | null,
): Promise<number> {
  return (await findLayerRow(db, { documentId, userId }))?.version ?? 0;
}
