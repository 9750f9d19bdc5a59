import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { importJsonl } from "../services/datasets/import-jsonl";
import { addMember, createProject } from "../services/projects";
import { createDocumentLabelSet } from "../services/scheme-edits-document-labels";
import { callerAs } from "../test-support/callers";
import { insertChoices } from "../test-support/scheme-edits";
import { expectTrpcError } from "../test-support/trpc-errors";
import { newUser } from "../test-support/users";

/** Three documents; ann chose topics on two, gold on one. */
async function setUp() {
  const db = await openTestDatabase();
  const owner = await newUser(db, "owner");
  const ann = await newUser(db, "ann");
  const bob = await newUser(db, "bob");
  const { id: projectId } = await createProject(db, {
    slug: "p",
    name: "P",
    labels: ["PER"],
    ownerId: owner.id,
  });
  for (const email of ["ann@example.com", "bob@example.com"]) {
    await addMember(db, { projectSlug: "p", email, role: "annotator" });
  }
  const layer = (annotator: string) => ({ annotator, status: "in_progress", spans: [] });
  const records = [
    { id: "a", text: "One.", annotations: [layer("ann"), layer("bob")] },
    { id: "b", text: "Two.", annotations: [layer("ann")] },
    { id: "c", text: "Three.", annotations: [] },
  ];
  await importJsonl(db, "p", records.map((record) => JSON.stringify(record)).join("\n"));
  await createDocumentLabelSet(db, projectId, {
    name: "topic",
    multiple: true,
    options: [{ name: "military" }, { name: "diplomacy" }],
  });
  const [military, diplomacy] = (
    await db
      .select()
      .from(tablesOf(db).documentLabelOptions)
      .orderBy(tablesOf(db).documentLabelOptions.position)
  ).map((option) => option.id) as [number, number];
  const layerOf = async (externalId: string, userId: number | null) => {
    const { annotations, documents } = tablesOf(db);
    const [document] = await db
      .select()
      .from(documents)
      .where(eq(documents.externalId, externalId));
    if (!document) throw new Error(`no document ${externalId}`);
    if (userId !== null) {
      const rows = await db.select().from(annotations);
      const row = rows.find((a) => a.documentId === document.id && a.userId === userId);
      if (!row) throw new Error(`no layer of ${userId} on ${externalId}`);
      return row.id;
    }
    const [gold] = await db
      .insert(annotations)
      .values({ documentId: document.id, userId: null })
      .returning({ id: annotations.id });
    return gold?.id ?? 0;
  };
  await insertChoices(db, await layerOf("a", ann.id), [military, diplomacy]);
  await insertChoices(db, await layerOf("b", ann.id), [diplomacy]);
  await insertChoices(db, await layerOf("a", bob.id), [military]);
  await insertChoices(db, await layerOf("c", null), [military]);
  return { db, owner, ann, bob, military, diplomacy };
}

const listed = async (db: Db, user: { id: number }, input: Record<string, unknown> = {}) =>
  (await callerAs(db, user).document.list({ projectSlug: "p", ...input })).items;

describe("document.list by document label", () => {
  it("keeps the documents whose annotator's layer chose the label", async () => {
    const { db, ann, military, diplomacy } = await setUp();
    const names = async (documentLabel: number) =>
      (await listed(db, ann, { documentLabel })).map((d) => d.externalId);
    expect(await names(military)).toEqual(["a"]);
    expect(await names(diplomacy)).toEqual(["a", "b"]);
  });

  it("reads another annotator's layer for reviewers, and gold's", async () => {
    const { db, owner, bob, military } = await setUp();
    const of = async (input: Record<string, unknown>) =>
      (await listed(db, owner, { documentLabel: military, ...input })).map((d) => d.externalId);
    expect(await of({ annotatorId: bob.id })).toEqual(["a"]);
    expect(await of({ documentLabelIn: "gold" })).toEqual(["c"]);
  });

  it("shows the caller's own choices on each row, and gold's to reviewers only", async () => {
    const { db, owner, ann, military, diplomacy } = await setUp();
    const own = await listed(db, ann);
    expect(own.map((d) => [d.externalId, d.documentLabels, d.goldDocumentLabels])).toEqual([
      ["a", [military, diplomacy], null],
      ["b", [diplomacy], null],
      ["c", [], null],
    ]);
    const team = await listed(db, owner);
    expect(team.map((d) => d.goldDocumentLabels)).toEqual([[], [], [military]]);
  });

  it("refuses gold's choices to annotators", async () => {
    const { db, ann, military } = await setUp();
    await expectTrpcError(
      callerAs(db, ann).document.list({
        projectSlug: "p",
        documentLabel: military,
        documentLabelIn: "gold",
      }),
      "FORBIDDEN",
    );
  });
});
