import { openDatabase, type Db } from "@/db/open-database";

/**
 * Runs `work` on a connection of its own to the same database file: an import keeps its
 * transaction open across awaits, and on the server's shared connection every other request's
 * statements would join it. A private in-memory database (tests) has no second connection.
 */
export async function withSeparateConnection<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  if (db.$client.memory) return work(db);
  const separate = openDatabase(db.$client.name);
  try {
    return await work(separate);
  } finally {
    separate.$client.close();
  }
}
