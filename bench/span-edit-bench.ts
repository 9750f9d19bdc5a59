import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@/db/open-database";
import { documents, users } from "@/db/schema";
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
export function benchSpanEdits() {
  const folder = mkdtempSync(path.join(os.tmpdir(), "concord-span-bench-"));
  try {
    const db = openDatabase(path.join(folder, "spans.db"));
    const { userId, labelId, newDocument } = setUp(db);
    // Words of two letters and a space, one span per word: no two spans overlap.
    const spans: SpanContent[] = Array.from({ length: spanCount }, (_, i) => ({
      start: i * 3,
      end: i * 3 + 2,
      labelId,
    }));
    const text = "ab ".repeat(spanCount);

    const singles = bestOf(1, () => {
      const documentId = newDocument(text);
      let version = 0;
      for (const span of spans) {
        version = editSpans(db, {
          userId,
          documentId,
          baseVersion: version,
          edits: [{ kind: "add", spans: [span] }],
        }).version;
      }
      return version;
    });
    const batch = bestOf(3, () => {
      const documentId = newDocument(text);
      return editSpans(db, { userId, documentId, baseVersion: 0, edits: [{ kind: "add", spans }] })
        .version;
    });

    console.log(`Span edits: ${spanCount} spans into an empty layer, overlaps forbidden`);
    printRow(`${spanCount} single adds (one edit each)`, singles.ms, `version ${singles.result}`);
    printRow(`one batch edit of ${spanCount} spans`, batch.ms, `version ${batch.result}`);
    console.log(`  ratio singles / batch: ${(singles.ms / batch.ms).toFixed(0)}x\n`);
    db.$client.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function setUp(db: Db) {
  const project = createProject(db, { slug: "bench", name: "Bench", labels: ["ORG"] });
  const user = db
    .insert(users)
    .values({ email: "bench@example.org", name: "bench" })
    .returning({ id: users.id })
    .get();
  setMembership(db, project.id, user.id, "annotator");
  const [label] = listLabels(db, project.id);
  if (!label) throw new Error("the bench project has no label");
  const newDocument = (text: string) =>
    db
      .insert(documents)
      .values({ projectId: project.id, text })
      .returning({ id: documents.id })
      .get().id;
  return { userId: user.id, labelId: label.id, newDocument };
}
