import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openMigratedDatabase } from "@/db/open-database";
import { closeAfterTests, testDatabaseUrl } from "@/db/test-support/test-database";
import { codePointSpan } from "@/domain/test-support/format-records";
import { nth } from "@/domain/test-support/lists";
import { importJsonl } from "@/server/services/datasets/import-jsonl";
import { createProject, findMembership, findProjectBySlug } from "@/server/services/projects";
import { findUserByEmail } from "@/server/services/users";
import { runCli } from "./test-support/run-cli";

const timeout = 30_000;

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), "concord-cli-test-"));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Runs the real command line against the database `url`. */
const concord = (url: string, ...args: string[]) => runCli(url, args, timeout);

/** The test's own database, opened beside the command line's processes. */
const openBeside = async (url: string) => closeAfterTests(await openMigratedDatabase(url));

const t1 = "👍🏽 e\u0301 Ana works for ACME in 東京.";
const t2 = "🇫🇷🇩🇪 Zoë visited 𠮷野家 in Paris";
const input = [
  {
    id: "a1",
    text: t1,
    meta: { source: "cli" },
    annotations: [
      {
        annotator: "alice",
        status: "submitted",
        spans: [
          codePointSpan(t1, "Ana", "PER"),
          codePointSpan(t1, "ACME", "ORG"),
          codePointSpan(t1, "東京", "LOC"),
        ],
      },
    ],
  },
  {
    id: "a2",
    text: t2,
    meta: {},
    annotations: [
      {
        annotator: "alice",
        status: "in_progress",
        spans: [codePointSpan(t2, "Zoë", "PER"), codePointSpan(t2, "Paris", "LOC")],
      },
      { annotator: "bob", status: "submitted", spans: [codePointSpan(t2, "𠮷野家", "ORG")] },
    ],
  },
];

const toJsonl = (records: unknown[]) =>
  records.map((record) => JSON.stringify(record)).join("\n") + "\n";
const parseJsonl = (content: string) =>
  content
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);

describe("concord CLI", () => {
  it(
    "creates a project with overlaps allowed and token snapping off",
    async () => {
      const url = await testDatabaseUrl();
      const args = ["project", "create", "--slug", "free", "--name", "Free", "--labels", "A"];
      expect(concord(url, ...args, "--allow-overlap", "--no-token-snapping").status).toBe(0);
      expect(concord(url, ...args.slice(0, 3), "snappy", ...args.slice(4)).status).toBe(0);
      const db = await openBeside(url);
      expect(await findProjectBySlug(db, "free")).toMatchObject({
        allowOverlap: true,
        tokenSnapping: false,
      });
      expect(await findProjectBySlug(db, "snappy")).toMatchObject({
        allowOverlap: false,
        tokenSnapping: true,
      });
    },
    timeout,
  );

  it(
    "creates a project, imports a JSONL file and exports the same spans, offsets and texts",
    async () => {
      const url = await testDatabaseUrl();
      const created = concord(
        url,
        "project",
        "create",
        "--slug",
        "s",
        "--name",
        "N",
        "--labels",
        "ORG,PER,LOC",
      );
      expect(created).toMatchObject({ status: 0, stderr: "" });
      expect(created.stdout).toContain("created project s with 3 labels");

      const file = path.join(folder, "input.jsonl");
      writeFileSync(file, toJsonl(input));
      const imported = concord(url, "import", "--project", "s", "--format", "jsonl", file);
      expect(imported.stderr).toBe("");
      expect(imported.status).toBe(0);
      expect(imported.stdout).toContain("imported 2 documents, 3 annotations, 6 spans into s");

      const out = path.join(folder, "output.jsonl");
      const exported = concord(url, "export", "--project", "s", "--format", "jsonl", "--out", out);
      expect(exported).toMatchObject({ status: 0, stderr: "", stdout: "" });
      const records = parseJsonl(readFileSync(out, "utf8"));
      expect(records).toEqual(input);
      // Texts come back byte for byte, and the offsets still slice the same words Python-style.
      const first = records[0] as (typeof input)[0];
      expect(Buffer.from(first.text).equals(Buffer.from(t1))).toBe(true);
      expect(
        nth(first.annotations, 0).spans.map((s) => [...first.text].slice(s.start, s.end).join("")),
      ).toEqual(["Ana", "ACME", "東京"]);
    },
    timeout,
  );

  it(
    "refuses a malformed file naming the file, line and field, and imports nothing",
    async () => {
      const url = await testDatabaseUrl();
      const db = await openMigratedDatabase(url);
      await createProject(db, { slug: "s", name: "N", labels: ["ORG", "PER", "LOC"] });
      await importJsonl(db, "s", toJsonl([{ id: "old", text: "imported before" }]));
      await closeDatabase(db);

      const file = path.join(folder, "malformed.jsonl");
      const bad = {
        id: "b2",
        text: "😀 Ana",
        annotations: [{ annotator: "carol", spans: [{ start: 2, end: 9, label: "PER" }] }],
      };
      writeFileSync(
        file,
        toJsonl([{ id: "b1", text: "fine" }, bad, { id: "b3", text: "also fine" }]),
      );

      const imported = concord(url, "import", "--project", "s", "--format", "jsonl", file);
      expect(imported.status).not.toBe(0);
      expect(imported.stderr).toContain(file);
      expect(imported.stderr).toContain("line 2");
      expect(imported.stderr).toContain('field "annotations[0].spans[0].end"');
      expect(imported.stderr).toContain("nothing was imported");
      expect(imported.stdout).not.toContain("imported");

      const exported = concord(url, "export", "--project", "s");
      expect(exported.status).toBe(0);
      expect(parseJsonl(exported.stdout)).toEqual([
        { id: "old", text: "imported before", meta: {}, annotations: [] },
      ]);
    },
    timeout,
  );

  it(
    "adds a user, then makes them a member of a project",
    async () => {
      const url = await testDatabaseUrl();
      const db = await openMigratedDatabase(url);
      await createProject(db, { slug: "team", name: "Team", labels: ["PER"] });
      await closeDatabase(db);

      const user = concord(
        url,
        "user",
        "add",
        "--email",
        "Dana@Example.com",
        "--name",
        "Dana",
        "--password",
        "long enough password",
      );
      expect(user).toMatchObject({ status: 0, stderr: "" });
      expect(user.stdout).toContain("created user Dana <dana@example.com>");

      const member = concord(
        url,
        "member",
        "add",
        "--project",
        "team",
        "--email",
        "dana@example.com",
        "--role",
        "reviewer",
      );
      expect(member).toMatchObject({ status: 0, stderr: "" });
      expect(member.stdout).toContain("Dana is reviewer of team");

      const unknown = concord(
        url,
        "member",
        "add",
        "--project",
        "team",
        "--email",
        "nobody@example.com",
        "--role",
        "annotator",
      );
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain("error: no user with email nobody@example.com");

      const check = await openBeside(url);
      const dana = await findUserByEmail(check, "dana@example.com");
      expect(dana.name).toBe("Dana");
      expect(dana.isAdmin).toBe(false);
      const team = await findProjectBySlug(check, "team");
      expect((await findMembership(check, team.id, dana.id))?.role).toBe("reviewer");
    },
    timeout,
  );
});
