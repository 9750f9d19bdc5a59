import { describe, expect, it } from "vitest";
import type { Db } from "@/db/open-database";
import { formatJsonlRecord } from "@/domain/formats/jsonl";
import { freshDb } from "../../test-support/datasets";
import { findProjectBySlug } from "../projects";
import { importDataset } from "./import-dataset";
import type { ImportFile } from "./import-file";
import { createStaging, recoverStagedImports } from "./import-staging";
import { importJsonl } from "./import-jsonl";

const line = (id: string, annotator = "newcomer") =>
  formatJsonlRecord({
    id,
    text: "Kursk is far.",
    meta: {},
    annotations: [
      { annotator, status: "submitted", spans: [{ start: 0, end: 5, label: "PLACE" }] },
    ],
  });

const count = (db: Db, sql: string) => (db.$client.prepare(sql).pluck().get() as number) ?? 0;
const documentsOf = (db: Db) =>
  count(
    db,
    "SELECT count(*) FROM documents d JOIN projects p ON p.id = d.project_id WHERE p.slug = 'p'",
  );

/** A file read in several chunks, each of which looks at the database before the next is read. */
function chunkedFile(lines: string[], between: () => void): ImportFile {
  const encoder = new TextEncoder();
  return {
    name: "big.jsonl",
    size: lines.join("\n").length,
    async *open() {
      for (const text of lines) {
        yield encoder.encode(`${text}\n`);
        between();
      }
    },
  };
}

describe("staged imports", () => {
  it("writes each chunk in its own short transaction and shows nothing before publishing", async () => {
    const db = freshDb();
    const seen: { inTransaction: boolean; visible: number }[] = [];
    const lines = ["a", "b", "c"].map((id) => line(id));
    const summary = await importDataset(db, {
      projectSlug: "p",
      format: "jsonl",
      files: [
        chunkedFile(lines, () =>
          seen.push({ inTransaction: db.$client.inTransaction, visible: documentsOf(db) }),
        ),
      ],
    });
    expect(summary.documents).toBe(3);
    expect(seen).toEqual(lines.map(() => ({ inTransaction: false, visible: 0 })));
    expect(documentsOf(db)).toBe(3);
    expect(count(db, "SELECT count(*) FROM projects WHERE slug LIKE '.%'")).toBe(0);
    // The new label and the new annotator arrive with the documents.
    expect(
      count(
        db,
        "SELECT count(*) FROM labels l JOIN projects p ON p.id = l.project_id WHERE p.slug = 'p' AND l.name = 'PLACE'",
      ),
    ).toBe(1);
    expect(
      count(
        db,
        "SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.name = 'newcomer'",
      ),
    ).toBe(1);
  });

  it("leaves nothing behind when a later chunk is refused", async () => {
    const db = freshDb();
    const lines = [line("a"), line("b"), "{not json"];
    await expect(
      importDataset(db, {
        projectSlug: "p",
        format: "jsonl",
        files: [chunkedFile(lines, () => {})],
      }),
    ).rejects.toThrow(/big\.jsonl/);
    expect(count(db, "SELECT count(*) FROM documents")).toBe(0);
    expect(count(db, "SELECT count(*) FROM projects WHERE slug LIKE '.%'")).toBe(0);
    expect(count(db, "SELECT count(*) FROM labels WHERE name = 'PLACE'")).toBe(0);
    expect(count(db, "SELECT count(*) FROM users WHERE name = 'newcomer'")).toBe(0);
  });

  it("after a crash, removes an import still staging and finishes one that was publishing", () => {
    const db = freshDb("p", "q");
    importJsonl(db, "p", line("kept", "ann"), {});
    for (const [slug, state] of [
      ["p", "import"],
      ["q", "publish"],
    ] as const) {
      const staging = createStaging(db, findProjectBySlug(db, slug).id, false);
      db.$client
        .prepare(
          "INSERT INTO documents (project_id, external_id, text) VALUES (?, ?, 'x'), (?, ?, 'y')",
        )
        .run(staging.projectId, `${slug}-1`, staging.projectId, `${slug}-2`);
      db.$client
        .prepare("UPDATE projects SET slug = ? WHERE id = ?")
        .run(staging.slug.replace(".import.", `.${state}.`), staging.projectId);
    }
    db.$client.prepare("INSERT INTO users (name) VALUES ('orphan')").run();

    recoverStagedImports(db);

    const externalIds = db.$client
      .prepare(
        "SELECT p.slug || ':' || d.external_id FROM documents d JOIN projects p ON p.id = d.project_id ORDER BY d.id",
      )
      .pluck()
      .all();
    expect(externalIds).toEqual(["p:kept", "q:q-1", "q:q-2"]);
    expect(count(db, "SELECT count(*) FROM projects WHERE slug LIKE '.%'")).toBe(0);
    expect(count(db, "SELECT count(*) FROM users WHERE name = 'orphan'")).toBe(0);
    expect(count(db, "SELECT count(*) FROM users WHERE name = 'ann'")).toBe(1);
  });
});
