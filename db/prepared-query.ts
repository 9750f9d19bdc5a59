import { dialectOf, tablesOf, type Queryable, type Tables } from "./open-database";

/** A Drizzle query built with `sql.placeholder` values, not yet prepared. */
type Preparable<Row> = {
  prepare(): { all(values?: Record<string, unknown>): Promise<Row[]> };
};

/** A prepared query, run with the values of its placeholders. */
export type PreparedQuery<Row> = {
  all(values?: Record<string, unknown>): Promise<Row[]>;
  first(values?: Record<string, unknown>): Promise<Row | undefined>;
};

let queries = 0;

/**
 * A query Drizzle builds once per database connection and then runs with `sql.placeholder`
 * values. Drizzle builds a query's SQL anew on every call, and on a save, which runs a dozen small
 * queries, the building cost more than SQLite's work. A SQLite transaction shares its database's
 * session, so the query prepared once serves both; a PostgreSQL transaction has a session of its
 * own, and the statement's name lets the server reuse its plan on each connection.
 *
 *   const findUser = preparedQuery((db, { users }) =>
 *     db.select().from(users).where(eq(users.id, sql.placeholder("id"))),
 *   );
 *   await findUser(tx).first({ id });
 */
export function preparedQuery<Row>(
  build: (db: Queryable, tables: Tables) => Preparable<Row>,
): (db: Queryable) => PreparedQuery<Row> {
  const name = `concord_${++queries}`;
  const bySession = new WeakMap<object, PreparedQuery<Row>>();
  return (db) => {
    const session = sessionOf(db);
    const known = bySession.get(session);
    if (known) return known;
    const query = prepare(build(db, tablesOf(db)), dialectOf(db) === "postgres" ? name : null);
    const prepared: PreparedQuery<Row> = {
      all: (values) => query.all(values),
      first: async (values) => (await query.all(values))[0],
    };
    bySession.set(session, prepared);
    return prepared;
  };
}

// PostgreSQL's prepare takes the statement's name and runs it with execute; SQLite's takes none.
function prepare<Row>(query: Preparable<Row>, name: string | null) {
  if (name === null) return query.prepare();
  const statement = (
    query as unknown as {
      prepare(name: string): { execute(values?: Record<string, unknown>): Promise<Row[]> };
    }
  ).prepare(name);
  return { all: (values?: Record<string, unknown>) => statement.execute(values) };
}

// Drizzle keeps the session out of its public types; every database and transaction has one.
function sessionOf(db: Queryable): object {
  return (db as unknown as { session: object }).session;
}
