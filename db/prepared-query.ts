import type { Queryable } from "./open-database";

/**
 * A query Drizzle builds once per database and then runs with `sql.placeholder` values. Drizzle
 * builds a query's SQL anew on every call, and on a save, which runs a dozen small queries, the
 * building cost more than SQLite's work. A transaction shares its database's session (and so its
 * connection), so the query prepared once serves the database and every transaction on it.
 *
 *   const findUser = preparedQuery((db) =>
 *     db.select().from(users).where(eq(users.id, sql.placeholder("id"))).prepare(),
 *   );
 *   findUser(tx).get({ id });
 */
export function preparedQuery<Query>(build: (db: Queryable) => Query): (db: Queryable) => Query {
  const bySession = new WeakMap<object, Query>();
  return (db) => {
    const session = sessionOf(db);
    const known = bySession.get(session);
    if (known) return known;
    const query = build(db);
    bySession.set(session, query);
    return query;
  };
}

// Drizzle keeps the session out of its public types; every database and transaction has one.
function sessionOf(db: Queryable): object {
  return (db as unknown as { session: object }).session;
}
