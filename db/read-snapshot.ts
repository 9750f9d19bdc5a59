import type { Db, Queryable } from "./open-database";
import { sqliteClientOf } from "./sqlite-database";

type SnapshotTransaction = <T>(
  read: (snapshot: Queryable) => Promise<T>,
  config: { isolationLevel: "repeatable read"; accessMode: "read only" },
) => Promise<T>;

/**
 * Runs `read` on one consistent snapshot of the database, read-only and taking no write lock, so
 * that a long computation sees one state of the data while the server goes on writing. Meant for
 * a database opened for the purpose (the agreement worker's): on SQLite it is a deferred read
 * transaction on that connection, which the database's own transactions must not share.
 */
export async function readInSnapshot<T>(
  db: Db,
  read: (snapshot: Queryable) => Promise<T>,
): Promise<T> {
  const sqlite = sqliteClientOf(db);
  if (!sqlite) {
    // PostgreSQL: the transaction's connection reads the snapshot its first query takes.
    const transaction = db.transaction.bind(db) as unknown as SnapshotTransaction;
    return transaction(read, { isolationLevel: "repeatable read", accessMode: "read only" });
  }
  if (sqlite.inTransaction) throw new Error("a read snapshot needs a connection of its own");
  // WAL mode: the snapshot is taken at the first read and kept until the transaction ends.
  sqlite.pragma("query_only = ON");
  sqlite.exec("BEGIN DEFERRED");
  try {
    return await read(db);
  } finally {
    if (sqlite.inTransaction) sqlite.exec("COMMIT");
    sqlite.pragma("query_only = OFF");
  }
}
