import { sql } from "drizzle-orm";
import type { Db } from "@/db/open-database";
import { DomainError } from "@/domain/errors";

/**
 * Runs an asynchronous import in one SQLite transaction, committed only if all of it succeeds.
 * better-sqlite3's own transactions take synchronous callbacks, and a streamed file is read with
 * awaits, so BEGIN and COMMIT are issued by hand. IMMEDIATE takes the write lock at once: a second
 * import waits (busy timeout) and is then refused, rather than failing halfway through.
 *
 * The connection must not serve anyone else meanwhile: their statements would join this
 * transaction. Servers give imports a connection of their own (see separate-connection.ts).
 */
export async function inTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (db.$client.inTransaction) {
    throw new DomainError("CONFLICT", "an import is already under way on this connection");
  }
  try {
    db.run(sql`BEGIN IMMEDIATE`);
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new DomainError(
        "CONFLICT",
        "the database is busy with another import: try again shortly",
      );
    }
    throw error;
  }
  try {
    const result = await work();
    db.run(sql`COMMIT`);
    return result;
  } catch (error) {
    if (db.$client.inTransaction) db.run(sql`ROLLBACK`);
    throw error;
  }
}
