import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, openMigratedDatabase, tablesOf, type Db } from "@/db/open-database";
import type { SpanContent } from "@/domain/span-edits";
import { editSpans } from "@/server/services/annotations";
import { createProject, listLabels, setMembership } from "@/server/services/projects";
import { bestOf, printRow } from "./timing";

const spanCount = 5_000;

/**
 * "Tag all" of 5,000 occurrences as one layer edit, beside the same 5,000 spans added one edit
 * at a time, on a migrated database file. Each single add reads its layer once, as every edit
 * must, so the singles grow with the layer; the batch reads it once in all.
 */
export async function benchSpanEdits() {
  const folder = mkdtempSync(path.join(os.tmpdir(), "concord-span-bench-"));
  try {
    const db = await openMigratedDatabase(path.join(folder, "spans.db"));
    const { userId, labelId, newDocument } = await setUp(db);
    // Words of two letters and a space, one span per word: no two spans overlap.
    const spans: SpanContent[] = Array.from({ length: spanCount }, (_, i) => ({
      start: i * 3,
      end: i * 3 + 2,
      labelId,
    }));
    const text = "ab ".repeat(spanCount);

    const singles = await bestOf(1, async () => {
      const documentId = await newDocument(text);
      let version = 0;
      for (const span of spans) {
        const edited = await editSpans(db, {
          userId,
          documentId,
          baseVersion: version,
          edits: [{ kind: "add", spans: [span] }],
        });
        version = edited.version;
      }
      return version;
    });
    const batch = await bestOf(3, async () => {
      const documentId = await newDocument(text);
      const edited = await editSpans(db, {
        userId,
        documentId,
        baseVersion: 0,
        edits: [{ kind: "add", spans }],
      });
      return edited.version;
    });

    console.log(`Span edits: ${spanCount} spans into an empty layer, overlaps forbidden`);
    printRow(`${spanCount} single adds (one edit each)`, singles.ms, `version ${singles.result}`);
    printRow(`one batch edit of ${spanCount} spans`, batch.ms, `version ${batch.result}`);
    console.log(`  ratio singles / batch: ${(singles.ms / batch.ms).toFixed(0)}x\n`);
    await closeDatabase(db);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function setUp(db: Db) {
  const { documents, users } = tablesOf(db);
  const project = await createProject(db, { slug: "bench", name: "Bench", labels: ["ORG"] });
  const [user] = await db
    .insert(users)
    .values({ email: "bench@example.org", name: "bench" })
    .returning({ id: users.id });
  if (!user) throw new Error("the bench user was not created");
  await setMembership(db, project.id, user.id, "annotator");
  const [label] = await listLabels(db, project.id);
  if (!label) throw new Error("the bench project has no label");
  const newDocument = async (text: string) => {
    const [document] = await db
      .insert(documents)
      .values({ projectId: project.id, text })
      .returning({ id: documents.id });
    return document?.id ?? 0;
  };
  return { userId: user.id, labelId: label.id, newDocument };
}
