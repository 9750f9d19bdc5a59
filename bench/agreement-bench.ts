import { formatJsonlRecord } from "@/domain/formats/jsonl";
import { openDatabase } from "@/db/open-database";
import { importJsonl } from "@/server/services/datasets/import-jsonl";
import { createProject } from "@/server/services/projects";
import { computeAgreement } from "@/server/services/review/agreement";
import { benchLabels, generateDocuments } from "./generate-project";
import { bestOf, printRow } from "./timing";

/**
 * Agreement on 10,000 documents × 3 annotators × ~200 tokens: the full metrics beside a bare read
 * of the same texts and spans with one prepared statement. Goal: metrics at most 1.5x the read.
 */
export function benchAgreement() {
  const db = openDatabase(":memory:");
  const project = createProject(db, { slug: "bench", name: "Bench", labels: benchLabels });
  const documents = generateDocuments({
    documents: 10_000,
    annotators: ["ann", "bob", "cy"],
    tokensPerDocument: 200,
    seed: 7,
  });
  const lines = Array.from(documents, formatJsonlRecord);
  const imported = importJsonl(db, "bench", lines.join("\n"));

  const readTexts = db.$client.prepare("SELECT id, text FROM documents WHERE project_id = ?");
  const readSpans = db.$client.prepare(
    `SELECT a.document_id, u.name, s.start, s."end", l.name AS label
       FROM annotations a
       JOIN documents d ON d.id = a.document_id
       JOIN users u ON u.id = a.user_id
       LEFT JOIN spans s ON s.annotation_id = a.id
       LEFT JOIN labels l ON l.id = s.label_id
      WHERE d.project_id = ? AND a.status = 'submitted'`,
  );
  const baseline = bestOf(
    3,
    () => readTexts.all(project.id).length + readSpans.all(project.id).length,
  );
  const metrics = bestOf(3, () => computeAgreement(db, project.id));

  console.log(`Agreement: ${imported.documents} documents, ${imported.spans} spans, 3 annotators`);
  printRow("baseline: read texts and spans (SQL)", baseline.ms, `${baseline.result} rows`);
  printRow(
    "all project metrics (read + compute)",
    metrics.ms,
    `alpha ${metrics.result.token.krippendorffAlpha?.toFixed(3)}`,
  );
  console.log(`  ratio metrics / read: ${(metrics.ms / baseline.ms).toFixed(2)}x (goal ≤ 1.5x)\n`);
}
