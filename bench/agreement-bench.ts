import { formatJsonlRecord } from "@/domain/formats/jsonl";
import { closeDatabase, openMigratedDatabase } from "@/db/open-database";
import { importJsonl } from "@/server/services/datasets/import-jsonl";
import { createProject } from "@/server/services/projects";
import { computeAgreement } from "@/server/services/review/agreement";
import { benchLabels, generateDocuments } from "./generate-project";
import { sqliteOf } from "./sqlite-client";
import { bestOf, printRow } from "./timing";

/**
 * Agreement on 10,000 documents × 3 annotators × ~200 tokens: the full metrics beside a bare read
 * of the same texts and spans with one prepared statement. Goal: metrics at most 1.5x the read.
 */
export async function benchAgreement() {
  const db = await openMigratedDatabase(":memory:");
  const project = await createProject(db, { slug: "bench", name: "Bench", labels: benchLabels });
  const documents = generateDocuments({
    documents: 10_000,
    annotators: ["ann", "bob", "cy"],
    tokensPerDocument: 200,
    seed: 7,
  });
  const lines = Array.from(documents, formatJsonlRecord);
  const imported = await importJsonl(db, "bench", lines.join("\n"));

  const sqlite = sqliteOf(db);
  const readTexts = sqlite.prepare("SELECT id, text FROM documents WHERE project_id = ?");
  // The cheapest read of the same spans: one row per layer, spans packed by SQLite, parsed.
  const readSpans = sqlite.prepare(
    `SELECT a.document_id, u.name,
            (SELECT json_group_array(json_array(s.start, s."end", l.name))
               FROM spans s JOIN labels l ON l.id = s.label_id
              WHERE s.annotation_id = a.id) AS spans
       FROM annotations a
       JOIN documents d ON d.id = a.document_id
       JOIN users u ON u.id = a.user_id
      WHERE d.project_id = ? AND a.status = 'submitted'`,
  );
  const baseline = await bestOf(3, () => {
    const texts = readTexts.all(project.id).length;
    const layers = readSpans.all(project.id) as { spans: string }[];
    return (
      texts + layers.reduce((n, layer) => n + (JSON.parse(layer.spans) as unknown[]).length, 0)
    );
  });
  const metrics = await bestOf(3, () => computeAgreement(db, project.id));
  await closeDatabase(db);

  console.log(`Agreement: ${imported.documents} documents, ${imported.spans} spans, 3 annotators`);
  printRow("baseline: read texts and spans (SQL)", baseline.ms, `${baseline.result} texts + spans`);
  printRow(
    "all project metrics (read + compute)",
    metrics.ms,
    `alpha ${metrics.result.token.krippendorffAlpha?.toFixed(3)}`,
  );
  console.log(`  ratio metrics / read: ${(metrics.ms / baseline.ms).toFixed(2)}x (goal ≤ 1.5x)\n`);
}
