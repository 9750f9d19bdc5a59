// Test support: documents inserted directly, so a test does not depend on the import path.
import type { Db } from "@/db/open-database";
import { documents } from "@/db/schema";

let documentCounter = 0;

/** A fresh document in the given project, so that tests do not see each other's spans. */
export function newDocument(db: Db, projectId: number, text: string): number {
  return db
    .insert(documents)
    .values({ projectId, externalId: `doc-${++documentCounter}`, text })
    .returning({ id: documents.id })
    .get().id;
}
