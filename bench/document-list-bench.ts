import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { closeDatabase, openMigratedDatabase, tablesOf, type Db } from "@/db/open-database";
import type { MemberRole } from "@/db/schema";
import { formatJsonlRecord } from "@/domain/formats/jsonl";
import { capabilitiesOf } from "@/domain/permissions";
import { importJsonl } from "@/server/services/datasets/import-jsonl";
import { listDocumentPage } from "@/server/services/document-list";
import { documentListInput } from "@/server/services/document-list-input";
import { createProject, setMembership } from "@/server/services/projects";
import { benchLabels, generateDocuments } from "./generate-project";
import { sqliteOf } from "./sqlite-client";
import { bestOf, printRow } from "./timing";

const large = 100_000;
const small = 1_000;
const annotators = ["ann", "bob", "cy"];

/**
 * The documents list's first page (50 rows) on a 100,000-document project beside the same page
 * on a 1,000-document project in the same database file, for an owner, a reviewer (every
 * annotator's status and gold) and an annotator (their queue). Goal: under 300 ms server time.
 */
export async function benchDocumentList() {
  const folder = mkdtempSync(path.join(os.tmpdir(), "concord-list-bench-"));
  try {
    const db = await openMigratedDatabase(path.join(folder, "list.db"));
    const { users } = tablesOf(db);
    const people = { owner: await addUser(db, "owner"), reviewer: await addUser(db, "reviewer") };
    const smallProject = await fill(db, "small", small, people);
    const largeProject = await fill(db, "large", large, people);
    const [ann] = await db.select({ id: users.id }).from(users).where(eq(users.name, "ann"));

    console.log(`Documents list: first page of 50, ${large} documents beside ${small}`);
    const views: [string, MemberRole, number, Record<string, unknown>][] = [
      ["owner, by position", "owner", people.owner, {}],
      ["reviewer, by position (team + gold)", "reviewer", people.reviewer, {}],
      ["annotator, their queue", "annotator", ann?.id ?? 0, {}],
      ["reviewer, by name", "reviewer", people.reviewer, { sort: "name" }],
      [
        "reviewer, by status of ann",
        "reviewer",
        people.reviewer,
        { sort: "status", annotatorId: ann?.id ?? 0 },
      ],
      ["reviewer, by last update", "reviewer", people.reviewer, { sort: "updated", order: "desc" }],
      ["reviewer, search text", "reviewer", people.reviewer, { search: "minister said" }],
      ["reviewer, has disagreement", "reviewer", people.reviewer, { disagreement: true }],
    ];
    let slowest = 0;
    for (const [name, role, userId, filters] of views) {
      const capabilities = capabilitiesOf(role, { blindAnnotation: true, usesAssignments: true });
      const input = documentListInput.parse({ limit: 50, ...filters });
      const time = (project: number) =>
        bestOf(5, () =>
          listDocumentPage(db, { project: { id: project }, userId, capabilities }, input),
        );
      const [baseline, measured] = [await time(smallProject), await time(largeProject)];
      const total = measured.result.total;
      const matches = total ? `${total.count}${total.atLeast ? "+" : ""}` : "?";
      slowest = Math.max(slowest, measured.ms);
      printRow(`${name}: ${small}`, baseline.ms);
      printRow(
        `${name}: ${large}`,
        measured.ms,
        `${(measured.ms / baseline.ms).toFixed(1)}x · ${measured.result.items.length} rows of ${matches}`,
      );
    }
    console.log(
      `  slowest first page at ${large}: ${slowest.toFixed(0)} ms (goal < 300 ms: ${slowest < 300 ? "met" : "MISSED"})\n`,
    );
    await closeDatabase(db);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function addUser(db: Db, name: string): Promise<number> {
  const { users } = tablesOf(db);
  const [user] = await db
    .insert(users)
    .values({ name, email: `${name}@example.com`, passwordHash: "x" })
    .returning({ id: users.id });
  return user?.id ?? 0;
}

/**
 * Every document to the two annotators who work on it, in document order: what a balanced
 * assignment gives, written directly because rebalancing 100,000 documents at once exceeds
 * SQLite's bound-parameter limit.
 */
function assignWhereStarted(db: Db, projectId: number) {
  sqliteOf(db)
    .prepare(
      `INSERT INTO assignments (document_id, user_id, position)
       SELECT a.document_id, a.user_id, a.document_id FROM annotations a
         JOIN documents d ON d.id = a.document_id
        WHERE d.project_id = ? AND a.user_id IS NOT NULL`,
    )
    .run(projectId);
}

/** A project of `count` generated documents, three annotators, two per document, assigned. */
async function fill(
  db: Db,
  slug: string,
  count: number,
  people: Record<"owner" | "reviewer", number>,
) {
  const project = await createProject(db, {
    slug,
    name: slug,
    labels: benchLabels,
    ownerId: people.owner,
  });
  await setMembership(db, project.id, people.reviewer, "reviewer");
  const records = generateDocuments({
    documents: count,
    annotators,
    tokensPerDocument: 40,
    seed: 11,
  });
  const lines = Array.from(records, (record, i) =>
    formatJsonlRecord({
      ...record,
      id: `${slug}-${record.id}`,
      // Two of three annotators per document, some still at work, as a campaign in progress is.
      annotations: record.annotations
        .filter((_, a) => a !== i % 3)
        .map((layer, a) => ({ ...layer, status: (i + a) % 4 === 0 ? "in_progress" : "submitted" })),
    }),
  );
  await importJsonl(db, slug, lines.join("\n"));
  assignWhereStarted(db, project.id);
  return project.id;
}
