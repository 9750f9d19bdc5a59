// Test support: documents inserted directly, so a test does not depend on the import path.
import { tablesOf, type Db } from "@/db/open-database";
import { returnedRow } from "@/db/returned-row";

let documentCounter = 0;

/** A fresh document in the given project, so that tests do not see each other's spans. */
export async function newDocument(db: Db, projectId: number, text: string): Promise<number> {
  const { documents } = tablesOf(db);
  const row = returnedRow(
    await db
      .insert(documents)
      .values({ projectId, externalId: `doc-${++documentCounter}`, text })
      .returning({ id: documents.id }),
  );
  return row.id;
}
