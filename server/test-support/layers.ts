// Test support: the version of a layer as a client that is up to date would send it.
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/open-database";
import { annotations } from "@/db/schema";

/** The current version of a user's layer of a document (gold when `userId` is null); 0 if none. */
export function layerVersion(db: Queryable, documentId: number, userId: number | null): number {
  const row = db
    .select({ version: annotations.version })
    .from(annotations)
    .where(
      and(
        eq(annotations.documentId, documentId),
        userId === null ? isNull(annotations.userId) : eq(annotations.userId, userId),
      ),
    )
    .get();
  return row?.version ?? 0;
}
