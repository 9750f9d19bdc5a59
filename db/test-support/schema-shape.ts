import type Database from "better-sqlite3";
import { getTableColumns, getTableName, is } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as sqliteSchema from "../schema";

/**
 * What a migrated database really holds, read back from the catalogue of each dialect and put in
 * one form, so the schema written for SQLite and the one written for PostgreSQL can be compared.
 */

type Family = "integer" | "text" | "real" | "boolean" | "timestamp" | "json";

/**
 * SQLite stores booleans and timestamps as integers and JSON as text; which of them the app reads
 * is the Drizzle column's kind in db/schema, so a SQLite column's family is its declared type
 * together with that kind.
 */
const sqliteFamilies: Record<string, Family> = {
  "integer SQLiteInteger": "integer",
  "integer SQLiteBoolean": "boolean",
  "integer SQLiteTimestamp": "timestamp",
  "text SQLiteText": "text",
  "text SQLiteTextJson": "json",
  "real SQLiteReal": "real",
};

// Only these behave as SQLite's columns do: in 4-byte `real` 0.67 counts as 0.6700000166893005,
// `timestamp without time zone` drops the zone, `json` is compared and indexed as text.
const postgresFamilies: Record<string, Family> = {
  integer: "integer",
  text: "text",
  "double precision": "real",
  boolean: "boolean",
  "timestamp with time zone": "timestamp",
  jsonb: "json",
};

const sqliteOnDelete: Record<string, string> = {
  "NO ACTION": "no action",
  RESTRICT: "restrict",
  CASCADE: "cascade",
  "SET NULL": "set null",
  "SET DEFAULT": "set default",
};
// pg_constraint.confdeltype
const postgresOnDelete: Record<string, string> = {
  a: "no action",
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

type Column = { name: string; family: string; notNull: boolean; hasDefault: boolean };
type ForeignKey = { columns: string[]; table: string; references: string[]; onDelete: string };
type Index = { name: string; columns: string[]; unique: boolean; partial: boolean };
export type Table = {
  name: string;
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  indexes: Index[];
};

const drizzleTable = "__drizzle_migrations";
const unmapped = (type: string) => `"${type}" (a type without a family)`;

export function readSqlite(sqlite: Database.Database): Table[] {
  const kinds = new Map<string, string>();
  for (const table of Object.values(sqliteSchema))
    if (is(table, SQLiteTable))
      for (const column of Object.values(getTableColumns(table)))
        kinds.set(`${getTableName(table)}.${toSnakeCase(column.name)}`, column.columnType);

  const names = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .pluck()
    .all() as string[];
  return names.filter((name) => name !== drizzleTable).map((name) => readSqliteTable(name));

  function readSqliteTable(name: string): Table {
    const info = sqlite.pragma(`table_info("${name}")`) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    const primaryKey = info
      .filter((c) => c.pk > 0)
      .sort((x, y) => x.pk - y.pk)
      .map((c) => c.name);
    const columns = info.map((c) => {
      const type = c.type.toLowerCase();
      const kind = `${type} ${kinds.get(`${name}.${c.name}`) ?? "(not in db/schema)"}`;
      // A lone integer primary key is the rowid: SQLite numbers it, as an identity column does.
      const rowid = primaryKey.length === 1 && c.pk === 1 && type === "integer";
      return {
        name: c.name,
        family: sqliteFamilies[kind] ?? unmapped(kind),
        notNull: c.notnull === 1 || rowid,
        hasDefault: c.dflt_value !== null || rowid,
      };
    });

    const references = sqlite.pragma(`foreign_key_list("${name}")`) as {
      id: number;
      table: string;
      from: string;
      to: string;
      on_delete: string;
    }[];
    const foreignKeys = [...new Set(references.map((r) => r.id))].map((id) => {
      const parts = references.filter((r) => r.id === id);
      const onDelete = parts[0]?.on_delete ?? "";
      return {
        columns: parts.map((r) => r.from),
        table: parts[0]?.table ?? "",
        references: parts.map((r) => r.to),
        onDelete: sqliteOnDelete[onDelete] ?? onDelete,
      };
    });

    const indexList = sqlite.pragma(`index_list("${name}")`) as {
      name: string;
      unique: number;
      origin: string;
      partial: number;
    }[];
    const indexes = indexList
      .filter((index) => index.origin !== "pk")
      .map((index) => {
        const parts = sqlite.pragma(`index_info("${index.name}")`) as {
          seqno: number;
          name: string;
        }[];
        return {
          name: index.name,
          columns: parts.sort((x, y) => x.seqno - y.seqno).map((c) => c.name),
          unique: index.unique === 1,
          partial: index.partial === 1,
        };
      });
    return { name, columns, primaryKey, foreignKeys, indexes };
  }
}

/** pg's and PGlite's clients both answer this. */
export type PostgresClient = { query<T>(sql: string): Promise<{ rows: T[] }> };

// Column names of a key or index in their declared order.
const attributeNames = (table: string, numbers: string) =>
  `array(select a.attname::text from unnest(${numbers}) with ordinality k(n, i)
         join pg_attribute a on a.attrelid = ${table} and a.attnum = k.n order by k.i)`;

export async function readPostgres(client: PostgresClient): Promise<Table[]> {
  const rows = async <T>(sql: string) => (await client.query<T>(sql)).rows;
  const columns = await rows<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    is_identity: string;
  }>(`select table_name, column_name, data_type, is_nullable, column_default, is_identity
      from information_schema.columns where table_schema = 'public'`);
  const constraints = await rows<{
    table_name: string;
    contype: string;
    columns: string[];
    foreign_table: string | null;
    foreign_columns: string[];
    confdeltype: string;
  }>(`select c.conrelid::regclass::text as table_name, c.contype, c.confdeltype,
        c.confrelid::regclass::text as foreign_table,
        ${attributeNames("c.conrelid", "c.conkey")} as columns,
        ${attributeNames("c.confrelid", "c.confkey")} as foreign_columns
      from pg_constraint c join pg_namespace s on s.oid = c.connamespace
      where s.nspname = 'public' and c.contype in ('p', 'f')`);
  const indexes = await rows<Index & { table_name: string }>(
    `select t.relname as table_name, i.relname as name, x.indisunique as unique,
        x.indpred is not null as partial, ${attributeNames("x.indrelid", "x.indkey")} as columns
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      join pg_namespace s on s.oid = t.relnamespace
      where s.nspname = 'public' and not x.indisprimary`,
  );

  const names = [...new Set(columns.map((c) => c.table_name))].filter((n) => n !== drizzleTable);
  return names.map((name) => ({
    name,
    columns: columns
      .filter((c) => c.table_name === name)
      .map((c) => ({
        name: c.column_name,
        family: postgresFamilies[c.data_type] ?? unmapped(c.data_type),
        notNull: c.is_nullable === "NO",
        hasDefault: c.column_default !== null || c.is_identity === "YES",
      })),
    primaryKey: constraints.find((c) => c.table_name === name && c.contype === "p")?.columns ?? [],
    foreignKeys: constraints
      .filter((c) => c.table_name === name && c.contype === "f")
      .map((c) => ({
        columns: c.columns,
        table: c.foreign_table ?? "",
        references: c.foreign_columns,
        onDelete: postgresOnDelete[c.confdeltype] ?? c.confdeltype,
      })),
    indexes: indexes
      .filter((index) => index.table_name === name)
      .map(({ name, columns, unique, partial }) => ({ name, columns, unique, partial })),
  }));
}

/** Subject ("annotations.updated_at") -> the table it belongs to and its aspects ("null" -> "NOT NULL"). */
export type Shape = Map<string, { table: string; facts: Record<string, string> }>;

const list = (columns: string[]) => `(${columns.join(", ")})`;

export function describeShape(tables: Table[]): Shape {
  const shape: Shape = new Map();
  for (const t of tables) {
    const add = (subject: string, facts: Record<string, string>) =>
      shape.set(subject, { table: t.name, facts });
    add(t.name, { "primary key": `primary key ${list(t.primaryKey)}` });
    for (const c of t.columns)
      add(`${t.name}.${c.name}`, {
        type: c.family,
        null: c.notNull ? "NOT NULL" : "nullable",
        default: c.hasDefault ? "a default" : "no default",
      });
    for (const fk of t.foreignKeys)
      add(`${t.name} foreign key ${list(fk.columns)}`, {
        references: `references ${fk.table}${list(fk.references)}`,
        "on delete": `on delete ${fk.onDelete}`,
      });
    for (const index of t.indexes)
      add(`${t.name} index ${index.name}`, {
        columns: list(index.columns),
        unique: index.unique ? "unique" : "not unique",
        partial: index.partial ? "partial" : "on every row",
      });
  }
  return shape;
}

/** One readable line per difference; a table missing on one side is one line, not one per column. */
export function compareShapes(sqlite: Shape, postgres: Shape): string[] {
  const lines: string[] = [];
  for (const subject of new Set([...sqlite.keys(), ...postgres.keys()])) {
    const [a, b] = [sqlite.get(subject), postgres.get(subject)];
    if (a && b) {
      for (const [aspect, value] of Object.entries(a.facts))
        if (value !== b.facts[aspect])
          lines.push(`${subject}: ${value} in sqlite, ${b.facts[aspect]} in postgres`);
      continue;
    }
    const table = (a ?? b)?.table ?? subject;
    if (subject === table || (sqlite.has(table) && postgres.has(table)))
      lines.push(`${subject}: only in ${a ? "sqlite" : "postgres"}`);
  }
  return lines.sort();
}
