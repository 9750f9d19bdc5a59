import { createHash } from "node:crypto";
import { asc, getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { DomainError } from "@/domain/errors";
import { dialectOf, runStatement, tablesOf, type Db, type Tables } from "./open-database";

/**
 * Every table of a Concord database, parents before children, each with the columns of its
 * primary key: rows are read in that order, a batch at a time, from where the last one ended.
 * (db/copy-database.test.ts holds it to the schema: a new table must be added here.)
 */
export const copiedTables = [
  ["users", ["id"]],
  ["projects", ["id"]],
  ["memberships", ["projectId", "userId"]],
  ["labels", ["id"]],
  ["relationTypes", ["id"]],
  ["labelAttributes", ["id"]],
  ["documentLabelSets", ["id"]],
  ["documentLabelOptions", ["id"]],
  ["documents", ["id"]],
  ["annotations", ["id"]],
  ["spans", ["id"]],
  ["spanRelations", ["id"]],
  ["documentChoices", ["annotationId", "optionId"]],
  ["goldRejections", ["annotationId", "start", "end"]],
  ["assignments", ["documentId", "userId"]],
  ["rateLimits", ["key"]],
  ["invitations", ["id"]],
] as const satisfies readonly (readonly [keyof Tables, readonly string[]])[];

export type CopyProgress = { table: string; copied: number; total: number };
export type TableCheck = { table: string; rows: number; checksum: string };

type Row = Record<string, unknown>;

/**
 * Copies every row of `from` into `to` (both migrated), keeping ids, then checks that each
 * table holds as many rows with the same checksum on both sides. A target that holds rows is
 * refused unless `force`, which empties it first.
 */
export async function copyDatabase(
  from: Db,
  to: Db,
  {
    force = false,
    onProgress,
  }: { force?: boolean; onProgress?: (step: CopyProgress) => void } = {},
): Promise<TableCheck[]> {
  const occupied = await countRows(to);
  if (occupied.length > 0 && !force) {
    throw new DomainError(
      "CONFLICT",
      `the target database is not empty (${occupied.map(({ table, rows }) => `${table}: ${rows}`).join(", ")}); add --force to replace what it holds`,
    );
  }
  await to.transaction(async (tx) => {
    for (const [name] of [...copiedTables].reverse()) await tx.delete(tablesOf(tx)[name]);
  });
  for (const [name, key] of copiedTables) {
    const total = await from.$count(table(from, name));
    let copied = 0;
    onProgress?.({ table: name, copied, total });
    for await (const rows of readInBatches(from, name, key)) {
      await to.insert(table(to, name)).values(rows);
      copied += rows.length;
      onProgress?.({ table: name, copied, total });
    }
  }
  if (dialectOf(to) === "postgres") await restartIdentities(to);
  return verifyCopy(from, to);
}

/** Row counts and checksums of both databases, refused at the first table that differs. */
export async function verifyCopy(from: Db, to: Db): Promise<TableCheck[]> {
  const checks: TableCheck[] = [];
  for (const [name, key] of copiedTables) {
    const [source, target] = [await checkTable(from, name, key), await checkTable(to, name, key)];
    if (source.rows !== target.rows || source.checksum !== target.checksum) {
      throw new DomainError(
        "CONFLICT",
        `${name} differs after the copy: ${source.rows} rows (checksum ${source.checksum}) in the source, ${target.rows} (checksum ${target.checksum}) in the target`,
      );
    }
    checks.push(source);
  }
  return checks;
}

async function countRows(db: Db): Promise<{ table: string; rows: number }[]> {
  const counts = [];
  for (const [name] of copiedTables)
    counts.push({ table: name, rows: await db.$count(table(db, name)) });
  return counts.filter(({ rows }) => rows > 0);
}

function table(db: Db, name: keyof Tables): SQLiteTable {
  return tablesOf(db)[name] as SQLiteTable;
}

/** A table's rows in key order, each batch small enough for either database's statement limits. */
async function* readInBatches(db: Db, name: keyof Tables, key: readonly string[]) {
  const source = table(db, name);
  const columns = getTableColumns(source) as Record<string, SQLiteColumn>;
  const keyColumns = key.map((column) => columns[column] as SQLiteColumn);
  // SQLite binds at most 32,766 values a statement, PostgreSQL 65,535.
  const size = Math.max(1, Math.floor(30_000 / Object.keys(columns).length));
  let after: SQL | undefined;
  for (;;) {
    const rows: Row[] = await db
      .select()
      .from(source)
      .where(after)
      .orderBy(...keyColumns.map((column) => asc(column)))
      .limit(size);
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1] as Row;
    after = sql`(${sql.join(keyColumns, sql`, `)}) > (${sql.join(
      key.map((column) => sql`${last[column]}`),
      sql`, `,
    )})`;
    if (rows.length < size) return;
  }
}

/**
 * A table's rows, hashed one by one into a sum that does not depend on their order (text keys
 * sort differently in the two databases). Values are put in one form first: timestamps in whole
 * seconds (what SQLite keeps), JSON with its keys sorted (PostgreSQL's jsonb reorders them).
 */
async function checkTable(db: Db, name: keyof Tables, key: readonly string[]): Promise<TableCheck> {
  let sum = 0n;
  let rows = 0;
  for await (const batch of readInBatches(db, name, key)) {
    for (const row of batch) {
      const digest = createHash("sha256").update(canonical(row)).digest();
      sum = (sum + digest.readBigUInt64BE(0)) % 2n ** 64n;
      rows++;
    }
  }
  return {
    table: getTableName(table(db, name)),
    rows,
    checksum: sum.toString(16).padStart(16, "0"),
  };
}

function canonical(value: unknown): string {
  if (value instanceof Date) return String(Math.floor(value.getTime() / 1000));
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Rows copied with their ids leave PostgreSQL's identity counters behind: move them past. */
async function restartIdentities(db: Db) {
  for (const [name, key] of copiedTables) {
    if (key.join() !== "id") continue;
    const tableName = getTableName(table(db, name));
    await runStatement(
      db,
      sql`SELECT setval(pg_get_serial_sequence(${tableName}, 'id'), coalesce((SELECT max(id) FROM ${sql.identifier(tableName)}), 0) + 1, false)`,
    );
  }
}
