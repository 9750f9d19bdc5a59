import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/open-database";
import { createProject, findProjectBySlug } from "@/server/services/projects";
import { runCli } from "./test-support/run-cli";

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), "concord-maintenance-test-"));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const concord = (database: string, ...args: string[]) => runCli(path.join(folder, database), args);

const projectSlugs = (file: string) =>
  (
    new Database(file, { readonly: true })
      .prepare("select slug from projects order by slug")
      .all() as {
      slug: string;
    }[]
  ).map((row) => row.slug);

// Each case runs the real command line several times; tsx start-up dominates.
describe("backup, restore and doctor", { timeout: 90_000 }, () => {
  it("backs up a database a server has open, and restores it only when told to replace a live one", () => {
    const live = openDatabase(path.join(folder, "live.db"));
    createProject(live, { slug: "before", name: "Before", labels: ["ORG"] });

    const backup = concord("live.db", "backup", "--out", path.join(folder, "backup.db"));
    expect(backup.status).toBe(0);
    expect(projectSlugs(path.join(folder, "backup.db"))).toEqual(["before"]);

    createProject(live, { slug: "after", name: "After", labels: [] });
    const refused = concord("live.db", "restore", "--from", path.join(folder, "backup.db"));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/looks open .* stop the server first, or pass --force/);
    expect(findProjectBySlug(live, "after").name).toBe("After");

    live.$client.close();
    const restored = concord("live.db", "restore", "--from", path.join(folder, "backup.db"));
    expect(restored.status).toBe(0);
    expect(projectSlugs(path.join(folder, "live.db"))).toEqual(["before"]);
  });

  it("refuses a backup that is not a Concord database and leaves the database as it was", () => {
    const db = openDatabase(path.join(folder, "kept.db"));
    createProject(db, { slug: "kept", name: "Kept", labels: [] });
    db.$client.close();
    writeFileSync(path.join(folder, "garbage.db"), "not a database at all");
    const foreign = path.join(folder, "foreign.db");
    new Database(foreign).exec("create table notes (body text)");

    for (const file of ["garbage.db", "foreign.db", "missing.db"]) {
      const result = concord("kept.db", "restore", "--from", path.join(folder, file));
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(file);
    }
    expect(projectSlugs(path.join(folder, "kept.db"))).toEqual(["kept"]);
  });

  it("doctor says ok for a sound database and names a row whose parent is missing", () => {
    const db = openDatabase(path.join(folder, "doctor.db"));
    const { id } = createProject(db, { slug: "p", name: "P", labels: ["ORG"] });
    expect(concord("doctor.db", "doctor")).toMatchObject({ status: 0 });

    db.$client.pragma("foreign_keys = OFF");
    db.$client.prepare("delete from projects where id = ?").run(id);
    db.$client.close();
    const broken = concord("doctor.db", "doctor");
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/foreign key: labels row \d+ points at a missing projects row/);
  });

  it("stops on a database URL it cannot open, naming the variable, and creates nothing", () => {
    const refused = runCli("postgres://concord@localhost/concord", ["doctor"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      "error: Invalid environment variable DATABASE_URL: postgres: databases are not supported; give the path of a SQLite file (or file:<path>)",
    );
    expect(existsSync(path.resolve(import.meta.dirname, "..", "postgres:"))).toBe(false);
  });
});
