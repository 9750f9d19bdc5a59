import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import Database from "better-sqlite3";
import { getTableName, is } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import * as sqliteSchema from "./schema";
import * as postgresSchema from "./schema-postgres";
import {
  compareShapes,
  describeShape,
  readPostgres,
  readSqlite,
} from "./test-support/schema-shape";

// The schema is written once per dialect's builders; these tests hold the two copies together.

const migrations = (dialect: string) =>
  fileURLToPath(new URL(`./migrations/${dialect}`, import.meta.url));

// Each table's row types, for reading and for inserting.
type Rows<Schema> = {
  [
    K in keyof Schema as Schema[K] extends { $inferSelect: unknown } ? K : never
  ]: Schema[K] extends {
    $inferSelect: infer Select;
    $inferInsert: infer Insert;
  }
    ? { select: Select; insert: Insert }
    : never;
};

const datesMarked = (value: unknown): unknown => {
  if (value instanceof Date) return "a Date";
  if (Array.isArray(value)) return value.map(datesMarked);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesMarked(v)]));
  return value;
};

describe("the PostgreSQL schema and the SQLite schema", () => {
  const sqlite = new Database(":memory:");
  // PGlite is PostgreSQL in-process, so this runs where no PostgreSQL server does.
  const pglite = new PGlite();
  const sqliteDb = drizzleSqlite(sqlite, { schema: sqliteSchema, casing: "snake_case" });
  const postgresDb = drizzlePglite(pglite, { schema: postgresSchema, casing: "snake_case" });

  beforeAll(async () => {
    migrateSqlite(sqliteDb, { migrationsFolder: migrations("sqlite") });
    await migratePglite(postgresDb, { migrationsFolder: migrations("postgres") });
  }, 60_000);

  afterAll(async () => {
    sqlite.close();
    await pglite.close();
  });

  it("have the same tables, columns, keys and indexes once migrated", async () => {
    const sqliteShape = describeShape(readSqlite(sqlite));
    const postgresShape = describeShape(await readPostgres(pglite));

    // Two empty reads would agree: every table of db/schema must have been read back.
    const tables = Object.values(sqliteSchema).filter((value) => is(value, SQLiteTable));
    expect(tables.map(getTableName).filter((name) => !sqliteShape.has(name))).toEqual([]);
    const gold = sqliteShape.get("annotations index annotations_document_gold");
    expect(gold?.facts.partial).toBe("partial");

    expect(compareShapes(sqliteShape, postgresShape)).toEqual([]);
  });

  it("export the same names, and tables with the same row types", () => {
    expect(Object.keys(postgresSchema).sort()).toEqual(Object.keys(sqliteSchema).sort());
    // Checked by the type checker: services typed against db/schema accept PostgreSQL's rows.
    expectTypeOf<Rows<typeof postgresSchema>>().toEqualTypeOf<Rows<typeof sqliteSchema>>();
  });

  it("give the app the same values back, relations included", async () => {
    const user = { name: "alice", email: "alice@concord.test" };
    const project = { slug: "news", name: "News", goldAcceptShare: 0.67, tokenSnapping: false };
    const label = { projectId: 1, name: "PERSON", color: "#f00", hotkey: "p", position: 0 };
    // Whole seconds: SQLite keeps timestamps in seconds.
    const expiresAt = new Date("2026-03-01T12:00:00Z");
    const invitation = { projectId: 1, email: "bob@concord.test", role: "annotator" as const };
    const document = { projectId: 1, text: "Kim went to Kursk.", meta: { source: ["wire", 2] } };
    const annotation = { documentId: 1, userId: 1 };
    const span = { annotationId: 1, start: 0, end: 3, labelId: 1 };
    const invited = { ...invitation, tokenHash: "abc", invitedBy: 1, expiresAt };

    const s = sqliteSchema;
    sqliteDb.insert(s.users).values(user).run();
    sqliteDb.insert(s.projects).values(project).run();
    sqliteDb.insert(s.labels).values(label).run();
    sqliteDb.insert(s.invitations).values(invited).run();
    sqliteDb.insert(s.documents).values(document).run();
    sqliteDb.insert(s.annotations).values(annotation).run();
    sqliteDb.insert(s.spans).values(span).run();
    const p = postgresSchema;
    await postgresDb.insert(p.users).values(user);
    await postgresDb.insert(p.projects).values(project);
    await postgresDb.insert(p.labels).values(label);
    await postgresDb.insert(p.invitations).values(invited);
    await postgresDb.insert(p.documents).values(document);
    await postgresDb.insert(p.annotations).values(annotation);
    await postgresDb.insert(p.spans).values(span);

    const nested = {
      project: { with: { labels: true } },
      invitation: { with: { inviter: true } },
      document: { with: { annotations: { with: { spans: true } } } },
    } as const;
    const fromSqlite = await Promise.all([
      sqliteDb.query.projects.findFirst(nested.project),
      sqliteDb.query.invitations.findFirst(nested.invitation),
      sqliteDb.query.documents.findFirst(nested.document),
    ]);
    const fromPostgres = await Promise.all([
      postgresDb.query.projects.findFirst(nested.project),
      postgresDb.query.invitations.findFirst(nested.invitation),
      postgresDb.query.documents.findFirst(nested.document),
    ]);

    // Defaulted timestamps differ by when each row was written; that they are dates must not.
    expect(datesMarked(fromPostgres)).toEqual(datesMarked(fromSqlite));
    expect(fromPostgres[0]).toMatchObject({ goldAcceptShare: 0.67, tokenSnapping: false });
    expect(fromPostgres[1]?.expiresAt).toEqual(expiresAt);
    expect(fromPostgres[2]?.meta).toEqual(document.meta);
  });
});
