import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/open-database";
import { formatJsonlRecord, type DocumentRecord } from "@/domain/formats/jsonl";
import { importJsonl } from "../datasets/import-jsonl";
import { createProject, findProjectBySlug } from "../projects";
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
  let folder: string;
  let db: Db;
  let projectId: number;

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), "concord-agreement-"));
    db = openDatabase(path.join(folder, "concord.db"));
    createProject(db, { slug: "p", name: "p", labels: ["LOC", "ORG"] });
    importJsonl(db, "p", records.map(formatJsonlRecord).join("\n"));
    projectId = findProjectBySlug(db, "p").id;
  });

  afterEach(() => {
    db.$client.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("computes in a worker what the request thread would", async () => {
    expect(await computeAgreementOffThread(db, projectId)).toEqual(computeAgreement(db, projectId));
    expect(await listDocumentsByDisagreementOffThread(db, projectId)).toEqual(
      listDocumentsByDisagreement(db, projectId),
    );
  });

  it("answers from the cache until a layer changes", async () => {
    const first = await computeAgreementOffThread(db, projectId);
    expect(await computeAgreementOffThread(db, projectId)).toBe(first);

    // What a save does to a layer: its spans change and its version goes up.
    db.$client.exec(
      `UPDATE spans SET label_id = (SELECT id FROM labels WHERE name = 'LOC')
        WHERE annotation_id IN (SELECT id FROM annotations WHERE version = 1);
       UPDATE annotations SET version = version + 1`,
    );
    const after = await computeAgreementOffThread(db, projectId);
    expect(after).not.toBe(first);
    expect(after).toEqual(computeAgreement(db, projectId));
    expect(after.token.krippendorffAlpha).not.toEqual(first.token.krippendorffAlpha);
  });
});
