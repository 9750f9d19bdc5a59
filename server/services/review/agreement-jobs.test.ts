import { eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { openMigratedDatabase, reopenableUrl, tablesOf, type Db } from "@/db/open-database";
import { closeAfterTests, testDatabaseUrl } from "@/db/test-support/test-database";
import { formatJsonlRecord, type DocumentRecord } from "@/domain/formats/jsonl";
import { importJsonl } from "../datasets/import-jsonl";
import { createProject } from "../projects";
import { computeAgreement, listDocumentsByDisagreement } from "./agreement";
import { computeAgreementOffThread, listDocumentsByDisagreementOffThread } from "./agreement-jobs";

const layer = (annotator: string, label: string) => ({
  annotator,
  status: "submitted" as const,
  spans: [{ start: 0, end: 5, label }],
});
const records: DocumentRecord[] = [
  {
    id: "a",
    text: "Kursk is far.",
    meta: {},
    annotations: [layer("ann", "LOC"), layer("bob", "LOC")],
  },
  {
    id: "b",
    text: "Seoul sent troops.",
    meta: {},
    annotations: [layer("ann", "LOC"), layer("bob", "ORG")],
  },
];

describe("agreement off the request thread", () => {
  let db: Db;
  let projectId: number;

  beforeEach(async () => {
    // A database another thread can open: the worker reads it through a connection of its own.
    db = closeAfterTests(await openMigratedDatabase(await testDatabaseUrl()));
    projectId = (await createProject(db, { slug: "p", name: "p", labels: ["LOC", "ORG"] })).id;
    await importJsonl(db, "p", records.map(formatJsonlRecord).join("\n"));
  });

  // The first job starts the worker thread, which loads the TypeScript sources through tsx.
  it("computes in a worker what the request thread would", { timeout: 20_000 }, async () => {
    expect(reopenableUrl(db)).toBeDefined();
    expect(await computeAgreementOffThread(db, projectId)).toEqual(
      await computeAgreement(db, projectId),
    );
    expect(await listDocumentsByDisagreementOffThread(db, projectId)).toEqual(
      await listDocumentsByDisagreement(db, projectId),
    );
  });

  it("answers from the cache until a layer changes", async () => {
    const first = await computeAgreementOffThread(db, projectId);
    expect(await computeAgreementOffThread(db, projectId)).toBe(first);

    // What a save does to a layer: its spans change and its version goes up.
    const { annotations, labels, spans } = tablesOf(db);
    const [loc] = await db.select({ id: labels.id }).from(labels).where(eq(labels.name, "LOC"));
    const firstVersions = db
      .select({ id: annotations.id })
      .from(annotations)
      .where(eq(annotations.version, 1));
    await db
      .update(spans)
      .set({ labelId: loc?.id })
      .where(inArray(spans.annotationId, firstVersions));
    await db.update(annotations).set({ version: sql`${annotations.version} + 1` });
    const after = await computeAgreementOffThread(db, projectId);
    expect(after).not.toBe(first);
    expect(after).toEqual(await computeAgreement(db, projectId));
    expect(after.token.krippendorffAlpha).not.toEqual(first.token.krippendorffAlpha);
  });
});
