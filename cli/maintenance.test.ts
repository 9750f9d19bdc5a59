import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { asc } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeDatabase,
  openDatabase,
  openMigratedDatabase,
  tablesOf,
  type Db,
} from "@/db/open-database";
import { databaseUrl, postgresServer } from "@/db/test-support/postgres-server";
import { closeAfterTests, testDatabaseUrl } from "@/db/test-support/test-database";
import { createProject, findProjectBySlug } from "@/server/services/projects";
import { runCli } from "./test-support/run-cli";

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), "concord-maintenance-test-"));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const concord = (database: string, ...args: string[]) => runCli(path.join(folder, database), args);

/** The project slugs in a SQLite file, read through Concord's own database layer. */
async function projectSlugs(file: string) {
  const db = openDatabase(file);
  try {
    const { projects } = tablesOf(db);
    const rows = await db
      .select({ slug: projects.slug })
      .from(projects)
      .orderBy(asc(projects.slug));
    return rows.map((row) => row.slug);
  } finally {
    await closeDatabase(db);
  }
}

async function migratedFile(name: string): Promise<Db> {
  return openMigratedDatabase(path.join(folder, name));
}

// Each case runs the real command line several times; tsx start-up dominates.
if (!postgresServer) {
  describe("backup, restore and doctor on SQLite", { timeout: 90_000 }, () => {
    it("backs up a database a server has open, and restores it only when told to replace a live one", async () => {
      const live = await migratedFile("live.db");
      await createProject(live, { slug: "before", name: "Before", labels: ["ORG"] });

      const backup = concord("live.db", "backup", "--out", path.join(folder, "backup.db"));
      expect(backup.status).toBe(0);
      expect(await projectSlugs(path.join(folder, "backup.db"))).toEqual(["before"]);

      await createProject(live, { slug: "after", name: "After", labels: [] });
      const refused = concord("live.db", "restore", "--from", path.join(folder, "backup.db"));
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/looks open .* stop the server first, or pass --force/);
      expect((await findProjectBySlug(live, "after")).name).toBe("After");

      await closeDatabase(live);
      const restored = concord("live.db", "restore", "--from", path.join(folder, "backup.db"));
      expect(restored.status).toBe(0);
      expect(await projectSlugs(path.join(folder, "live.db"))).toEqual(["before"]);
    });

    it("refuses a backup that is not a Concord database and leaves the database as it was", async () => {
      const db = await migratedFile("kept.db");
      await createProject(db, { slug: "kept", name: "Kept", labels: [] });
      await closeDatabase(db);
      writeFileSync(path.join(folder, "garbage.db"), "not a database at all");
      const foreign = new Database(path.join(folder, "foreign.db"));
      foreign.exec("create table notes (body text)");
      foreign.close();

      for (const file of ["garbage.db", "foreign.db", "missing.db"]) {
        const result = concord("kept.db", "restore", "--from", path.join(folder, file));
        expect(result.status).toBe(1);
        expect(result.stderr).toContain(file);
      }
      expect(await projectSlugs(path.join(folder, "kept.db"))).toEqual(["kept"]);
    });

    it("doctor says ok for a sound database and names a row whose parent is missing", async () => {
      const db = await migratedFile("doctor.db");
      const { id } = await createProject(db, { slug: "p", name: "P", labels: ["ORG"] });
      await closeDatabase(db);
      expect(concord("doctor.db", "doctor")).toMatchObject({ status: 0 });

      const raw = new Database(path.join(folder, "doctor.db"));
      raw.pragma("foreign_keys = OFF");
      raw.prepare("delete from projects where id = ?").run(id);
      raw.close();
      const broken = concord("doctor.db", "doctor");
      expect(broken.status).toBe(1);
      expect(broken.stdout).toMatch(/foreign key: labels row \d+ points at a missing projects row/);
    });
  });
}

if (postgresServer) {
  describe("backup, restore and doctor on PostgreSQL", { timeout: 90_000 }, () => {
    it("backup and restore refuse, naming pg_dump and pg_restore, and change nothing", async () => {
      const url = await testDatabaseUrl();
      const db = closeAfterTests(await openMigratedDatabase(url));
      await createProject(db, { slug: "kept", name: "Kept", labels: [] });

      const backup = runCli(url, ["backup", "--out", path.join(folder, "pg-backup.db")]);
      expect(backup.status).toBe(1);
      expect(backup.stderr).toMatch(/^error: .*pg_dump --format=custom/);
      expect(existsSync(path.join(folder, "pg-backup.db"))).toBe(false);

      writeFileSync(path.join(folder, "pg-backup.dump"), "a dump");
      const restore = runCli(url, ["restore", "--from", path.join(folder, "pg-backup.dump")]);
      expect(restore.status).toBe(1);
      expect(restore.stderr).toMatch(/^error: .*pg_restore --clean --if-exists/);
      expect((await findProjectBySlug(db, "kept")).name).toBe("Kept");
    });

    it("doctor says the connection and migrations are sound, and names migrations it does not know", async () => {
      const url = await testDatabaseUrl();
      const sound = runCli(url, ["doctor"]);
      expect(sound).toMatchObject({ status: 0, stderr: "" });
      expect(sound.stdout).toMatch(/: connection ok, migrations current \(\d+ applied\)/);

      // What a newer Concord leaves behind: a migration later than any this one has.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(
        "insert into drizzle.__drizzle_migrations (hash, created_at) values ('newer', $1)",
        [Date.now() * 10],
      );
      await client.end();
      const ahead = runCli(url, ["doctor"]);
      expect(ahead.status).toBe(1);
      expect(ahead.stdout).toContain(
        "migrations: 1 applied that this Concord does not have (a newer one migrated it)",
      );
    });
  });
}

describe("a DATABASE_URL the command line cannot use", { timeout: 60_000 }, () => {
  it("stops on an unknown scheme, naming the variable, and creates nothing", () => {
    const refused = runCli("mysql://concord@localhost/concord", ["doctor"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      "error: Invalid environment variable DATABASE_URL: mysql: databases are not supported; give postgres://user:password@host:port/database or the path of a SQLite file (or file:<path>)",
    );
    expect(existsSync(path.resolve(import.meta.dirname, "..", "mysql:"))).toBe(false);
  });

  it("stops when no PostgreSQL server answers on the port, naming the variable", async () => {
    const url = `postgres://concord@127.0.0.1:${await closedPort()}/concord`;
    const refused = runCli(url, ["project", "create", "--slug", "s", "--name", "S"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toMatch(
      new RegExp(`^error: DATABASE_URL ${escape(url)}: nothing answers there \\(.*ECONNREFUSED`),
    );
    expect(refused.stdout).toBe("");
  });

  if (postgresServer) {
    it("stops on a database the PostgreSQL server does not have (PostgreSQL pass only)", () => {
      const url = databaseUrl("concord_no_such_database");
      const refused = runCli(url, ["doctor"]);
      expect(refused.status).toBe(1);
      expect(refused.stderr.trim()).toBe(
        `error: DATABASE_URL ${url}: database "concord_no_such_database" does not exist`,
      );
    });
  }
});

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
