import type Database from "better-sqlite3";
import {
  getTableColumns,
  getTableName,
  is,
  Param,
  Placeholder,
  sql,
  type Column,
  type Query,
  type SQL,
  type SQLChunk,
} from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Queryable } from "./open-database";
import { sqliteClientOf } from "./sqlite-database";

type TableWithId = SQLiteTable & { id: SQLiteColumn };

// Column names as the databases are opened with them (`casing: "snake_case"`).
const casing = new CasingCache("snake_case");
// Keeps each statement's arrays to a few megabytes.
const rowsPerStatement = 10_000;

/**
 * Inserts the rows, each giving every key the first one gives, and gives their new ids in the
 * rows' order: an import inserts rows by the hundred thousand. SQLite runs one statement
 * prepared on the driver per row, binding values by position, which skips Drizzle's per-run
 * placeholder filling, a measurable share of the work there. PostgreSQL gets each column's values
 * as one array, unnested into rows: Drizzle builds a multi-row VALUES list at some 50 µs a row,
 * slower than the server inserts it, and a round trip per row would cost more still.
 */
export async function insertRows<Table extends TableWithId>(
  db: Queryable,
  table: Table,
  rows: Table["$inferInsert"][],
): Promise<number[]> {
  const first = rows[0];
  if (first === undefined) return [];
  const keys = Object.keys(first);
  const sqlite = sqliteClientOf(db);
  if (sqlite) return insertOnDriver(db, sqlite, table, rows, keys);
  const ids: number[] = [];
  for (let at = 0; at < rows.length; at += rowsPerStatement) {
    ids.push(...(await insertUnnested(db, table, rows.slice(at, at + rowsPerStatement), keys)));
  }
  return ids;
}

/**
 * `INSERT ... SELECT * FROM unnest($1::integer[], ...) RETURNING id`: the rows are inserted, and
 * returned, in the arrays' order.
 */
async function insertUnnested<Table extends TableWithId>(
  db: Queryable,
  table: Table,
  rows: Table["$inferInsert"][],
  keys: string[],
): Promise<number[]> {
  const columns: Record<string, Column> = getTableColumns(table);
  const names: SQLChunk[] = [];
  const arrays: SQL[] = [];
  for (const key of keys) {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    const values = rows.map((row) => column.mapToDriverValue(row[key as keyof typeof row]) ?? null);
    names.push(sql.identifier(casing.getColumnCasing(column)));
    arrays.push(sql`${sql.param(values)}::${sql.raw(column.getSQLType())}[]`);
  }
  const { rows: inserted } = await (db as unknown as PgDatabase<NodePgQueryResultHKT>).execute<{
    id: number;
  }>(
    sql`insert into ${table} (${sql.join(names, sql`, `)}) select * from unnest(${sql.join(arrays, sql`, `)}) returning ${table.id}`,
  );
  return inserted.map((row) => row.id);
}

/**
 * The driver's statements run outside Drizzle's session, so outside the writer lock: inside a
 * transaction of their own (a savepoint when `db` is already one), no other request's
 * transaction can be open on the connection meanwhile.
 */
function insertOnDriver<Table extends TableWithId>(
  db: Queryable,
  sqlite: Database.Database,
  table: Table,
  rows: Table["$inferInsert"][],
  keys: string[],
): Promise<number[]> {
  const placeholders = Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)]));
  const run = prepareOnDriver(sqlite, db.insert(table).values(placeholders as never));
  return db.transaction(async () =>
    rows.map((row) => Number(run(row as Record<string, unknown>).lastInsertRowid)),
  );
}

/** Binds each run's named values by position, encoded as Drizzle would (JSON as text...). */
function prepareOnDriver(sqlite: Database.Database, query: { toSQL(): Query }) {
  const { sql: text, params } = query.toSQL();
  const statement = sqlite.prepare(text);
  const binders = params.map((param) => {
    if (is(param, Param) && is(param.value, Placeholder)) {
      const { encoder } = param;
      const { name } = param.value;
      return (values: Record<string, unknown>) => encoder.mapToDriverValue(values[name]) ?? null;
    }
    return () => param;
  });
  return (values: Record<string, unknown>) => statement.run(...binders.map((bind) => bind(values)));
}
