import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { closeDatabase, openDatabase, tablesOf } from "@/db/open-database";
// The server tests' seeding, run on the demo server's database; no bundle holds an e2e spec.
// eslint-disable-next-line no-restricted-imports
import { addReviewScheme, writeLayerStructure } from "@/server/test-support/review-structure";
import { formatMetric } from "@/domain/agreement/format-metric";
import { runCli } from "./cli";
import { signIn } from "./helpers";
import { demoDatabase } from "./servers";
import { addDemoMember, createAnnotatedProject } from "./workspace-project";

const slug = "curation-structure";
const text = "Kim met Lee in Kursk.";
const spans = [
  { start: 0, end: 3, label: "PER" },
  { start: 15, end: 20, label: "LOC" },
];

test.beforeAll(async () => {
  createAnnotatedProject({
    slug,
    labels: ["PER", "LOC"],
    documents: [
      {
        id: "s1",
        text,
        annotations: ["ann", "bob"].map((annotator) => ({ annotator, status: "submitted", spans })),
      },
    ],
  });
  addDemoMember(slug, "rita@concord.test", "reviewer");
  // The annotation page's relations, attributes and document labels, written into the database
  // the demo server runs on: ann and bob drew located_in in opposite directions, differ on
  // Kim's `negated` and answer `stance` differently.
  const db = openDatabase(demoDatabase);
  try {
    const { documents, projects, relationTypes } = tablesOf(db);
    const [project] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.slug, slug));
    const [document] = await db
      .select({ id: documents.id })
      .from(documents)
      .where(eq(documents.projectId, project?.id ?? 0));
    if (!project || !document) throw new Error("the project was not created");
    const seeded = await db
      .select()
      .from(relationTypes)
      .where(eq(relationTypes.projectId, project.id));
    if (seeded.length > 0) return; // beforeAll again after a failed test: all there
    await addReviewScheme(db, project.id);
    await writeLayerStructure(db, document.id, "ann", {
      relations: [{ type: "located_in", source: 0, target: 15 }],
      attributes: { 0: { negated: true } },
      choices: ["pos"],
    });
    await writeLayerStructure(db, document.id, "bob", {
      relations: [{ type: "located_in", source: 15, target: 0 }],
      choices: ["neg"],
    });
  } finally {
    await closeDatabase(db);
  }
});

const structure = (page: Page) => page.getByTestId("structure-conflicts");

test("the Agreement tab shows relation, attribute and document-label agreement as the CLI does", async ({
  page,
}) => {
  const expected = JSON.parse(runCli("agreement", "--project", slug, "--json"));
  await signIn(page, "rita@concord.test");
  await page.goto(`/projects/${slug}/review`);
  const relations = page.getByRole("table", { name: "Relation agreement per pair" });
  await expect(relations.getByRole("row").nth(1)).toContainText(
    formatMetric(expected.relations.pairs[0].exactF1),
  );
  await expect(page.getByRole("table", { name: "Attribute agreement" })).toContainText("negated");
  await expect(page.getByRole("table", { name: "Document-label agreement" })).toContainText(
    formatMetric(expected.documentLabels[0].alpha),
  );
});

test("a reviewer settles relation, attribute and document-label conflicts into gold, by keyboard and by mouse", async ({
  page,
}) => {
  await signIn(page, "rita@concord.test");
  await page.goto(`/projects/${slug}/review/documents`);
  await page.getByRole("link", { name: "s1" }).click();
  const list = structure(page);
  await expect(list.getByRole("listitem", { name: "PER “Kim” – LOC “Kursk”" })).toContainText(
    "Accept both spans into gold first",
  );
  const acceptAnn = list.getByRole("button", { name: "Accept located_in from ann" });
  await expect(acceptAnn).toBeDisabled();

  // The spans first (mouse), then ann's relation (keyboard).
  await page.getByRole("button", { name: "Accept all agreed" }).click();
  await expect(acceptAnn).toBeEnabled();
  await acceptAnn.focus();
  await page.keyboard.press("Enter");
  const relation = list.getByRole("listitem", { name: "PER “Kim” – LOC “Kursk”" });
  await expect(relation.getByRole("listitem").filter({ hasText: "ann" })).toContainText("in gold");

  // bob's version by mouse replaces it; undo puts ann's back.
  await list.getByRole("button", { name: "Accept located_in from bob" }).click();
  await expect(relation.getByRole("listitem").filter({ hasText: "bob" })).toContainText("in gold");
  await expect(relation.getByRole("listitem").filter({ hasText: "ann" })).not.toContainText(
    "in gold",
  );
  await page.keyboard.press("Control+z");
  await expect(relation.getByRole("listitem").filter({ hasText: "ann" })).toContainText("in gold");

  // Kim's `negated` by mouse, the stance by keyboard.
  await list.getByRole("button", { name: "Accept negated: true" }).click();
  const stance = list.getByRole("button", { name: "Accept stance: neg" });
  await stance.focus();
  await page.keyboard.press("Enter");
  await expect(stance).toBeDisabled();

  await page.reload();
  await expect(relation.getByRole("listitem").filter({ hasText: "ann" })).toContainText("in gold");
  const negated = list.getByRole("listitem", { name: "negated of PER “Kim”" });
  await expect(negated.getByRole("listitem").filter({ hasText: "true" })).toContainText("in gold");
  const answers = list.getByRole("listitem", { name: "stance" });
  await expect(answers.getByRole("listitem").filter({ hasText: "neg" })).toContainText("in gold");
  await expect(answers.getByRole("listitem").filter({ hasText: "pos" })).not.toContainText(
    "in gold",
  );
});
