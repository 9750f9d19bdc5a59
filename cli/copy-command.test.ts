import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { closeDatabase, openMigratedDatabase } from "@/db/open-database";
import { testDatabaseUrl } from "@/db/test-support/test-database";
import { createProject } from "@/server/services/projects";
import { createUser } from "@/server/services/users";
import { runCli } from "./test-support/run-cli";

/** A SQLite file holding a project with its labels and an account: a small team's database. */
async function teamDatabase(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "concord-copy-test-")), "team.db");
  const db = await openMigratedDatabase(file);
  await createProject(db, { slug: "kursk", name: "Kursk", labels: ["PER", "LOC"] });
  await createUser(db, { email: "ann@example.org", name: "ann", password: "correct horse 1" });
  await closeDatabase(db);
  return file;
}

const checksums = (stdout: string) =>
  stdout.split("\n").filter((line) => line.includes("checksum"));

// Three command-line runs, each starting tsx: seconds apiece on a busy machine.
describe("cli db copy", { timeout: 120_000 }, () => {
  it("copies a database into an empty one and back with the same counts and checksums", async () => {
    const source = await teamDatabase();
    // PostgreSQL in the PostgreSQL pass, another SQLite file otherwise.
    const middle = await testDatabaseUrl();
    const there = runCli(source, ["db", "copy", "--from", source, "--to", middle], 60_000);
    expect(there.stderr).toBe("");
    expect(there.status).toBe(0);
    expect(checksums(there.stdout)).toContainEqual(expect.stringMatching(/^labels +2 rows/));
    const back = path.join(path.dirname(source), "back.db");
    const home = runCli(source, ["db", "copy", "--from", middle, "--to", back], 60_000);
    expect(home.status).toBe(0);
    expect(checksums(home.stdout)).toEqual(checksums(there.stdout));

    const again = runCli(source, ["db", "copy", "--from", source, "--to", middle], 60_000);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /^error: the target database is not empty \(users: 1, projects: 1, labels: 2\); add --force/,
    );
  });
});
