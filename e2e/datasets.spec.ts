import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { runCli } from "./cli";
import { signIn } from "./helpers";

// A project of its own, so that the documents imported here change nothing other specs count.
const project = "e2e-datasets";
const fixtures = "e2e/fixtures/datasets";

async function download(page: Page, linkName: string) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("list", { name: "Downloads" }).getByRole("link", { name: linkName }).click(),
  ]);
  return { name: file.suggestedFilename(), content: readFileSync(await file.path(), "utf8") };
}

test("an owner uploads brat files, previews and imports them, then downloads CoNLL and spaCy exports", async ({
  page,
}) => {
  runCli("project", "create", "--slug", project, "--name", "Datasets", "--labels", "PER,GPE,DATE");
  runCli("member", "add", "--project", project, "--email", "admin@concord.test", "--role", "owner");
  await signIn(page, "admin@concord.test");
  await page.goto(`/projects/${project}`);
  await page
    .getByRole("navigation", { name: "Project" })
    .getByRole("link", { name: "Datasets" })
    .click();

  // The page speaks of its own controls, not of the command line's flags.
  await page.getByLabel(/^Format/).selectOption("labelstudio");
  await expect(
    page.getByText("Offsets: code points (Label Studio ≥ 1.4); UTF-16 units in older exports."),
  ).toBeVisible();
  await expect(page.locator("main")).not.toContainText("--offsets");

  await page.getByLabel(/^Format/).selectOption("brat");
  await page
    .getByLabel("Files")
    .setInputFiles([`${fixtures}/briefing.txt`, `${fixtures}/briefing.ann`]);
  await page.getByRole("button", { name: "Preview" }).click();

  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("Ready to import 1 new document, 1 annotation, 5 spans");
  await expect(preview).toContainText("Creates the labels ORG");
  const spans = preview.getByRole("list", { name: "Spans" });
  await expect(spans.locator("mark")).toHaveText([
    "Kim Jong Un",
    "평양",
    "Pyongyang",
    "October 28",
    "NATO",
  ]);
  // The relation line is imported, its type created like a label.
  await expect(preview).toContainText("With 1 relation.");
  await expect(preview).toContainText("Creates the relation types Met.");
  // Nothing is stored before the import.
  expect(runCli("export", "--project", project)).toBe("");

  await page.getByRole("button", { name: "Import 1 document" }).click();
  await expect(page.getByTestId("import-result")).toContainText(
    "Imported 1 new document, 1 annotation, 5 spans",
  );
  await page.getByRole("link", { name: "See the documents" }).click();
  await expect(page.getByRole("link", { name: "briefing" })).toBeVisible();
  const documentId = Number(
    (await page.getByRole("link", { name: "briefing" }).getAttribute("href"))?.split("/").at(-1),
  );

  await page.goto(`/projects/${project}/datasets`);
  await page.getByLabel("Source").selectOption("annotator:brat");
  const conll = await download(page, "CoNLL-2003");
  expect(conll.name).toBe(`${project}-annotator-brat.conll`);
  expect(conll.content.startsWith("-DOCSTART- -X- O O\n\n👍 _ _ O\nKim _ _ B-PER\n")).toBe(true);
  expect(conll.content).toContain("Jong _ _ I-PER\nUn _ _ I-PER\n");
  expect(conll.content).toContain("평양 _ _ B-GPE\n( _ _ O\nPyongyang _ _ B-GPE\n");
  expect(conll.content).toContain(". _ _ O\n\nNATO _ _ B-ORG\n");

  const spacy = await download(page, "spaCy JSONL");
  const [document] = spacy.content
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { text: string; ents: [number, number, string][] });
  // Code points: what Python's text[start:end] slices.
  expect(
    document?.ents.map(([start, end, label]) => [
      label,
      [...document.text].slice(start, end).join(""),
    ]),
  ).toEqual([
    ["PER", "Kim Jong Un"],
    ["GPE", "평양"],
    ["GPE", "Pyongyang"],
    ["DATE", "October 28"],
    ["ORG", "NATO"],
  ]);

  // Nobody curated the document: a gold download would hold it as "no entities", so it is left
  // out, and the page says so before anything is downloaded.
  await page.getByLabel("Source").selectOption("gold");
  const coverage = page.getByRole("status", { name: "Export coverage" });
  await expect(coverage).toHaveText(
    "Exports 0 documents with curated gold; leaves out 1 document with no gold.",
  );
  expect((await download(page, "CoNLL-2003")).content).toBe("");

  // A reviewer starts curating: in-progress gold stays out unless the box is ticked.
  const started = await page.request.post("/api/trpc/review.setGoldStatus", {
    // Nobody curated it: its gold layer does not exist yet, which is version 0.
    data: { json: { documentId, baseVersion: 0, status: "in_progress" } },
  });
  expect(started.ok()).toBe(true);
  await page.reload();
  await page.getByLabel("Source").selectOption("gold");
  await expect(coverage).toHaveText(
    "Exports 0 documents with curated gold; leaves out 1 document whose gold is still being curated.",
  );
  await page.getByLabel("Include gold still being curated").check();
  await expect(coverage).toHaveText("Exports 1 document with gold.");
  const gold = await download(page, "spaCy JSONL");
  expect(
    gold.content
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).id),
  ).toEqual(["briefing"]);
});

test("an annotator can download only their own annotations", async ({ page }) => {
  await signIn(page, "alice@concord.test");
  await page.goto("/projects/kursk-news/datasets");
  await expect(page.getByRole("heading", { name: "Import" })).toHaveCount(0);
  await expect(page.getByLabel("Source").locator("option")).toHaveText(["annotator:alice"]);
  const refused = await page.request.get(
    "/api/projects/kursk-news/datasets/export?format=jsonl&source=annotator:bob",
  );
  expect(refused.status()).toBe(403);
});

test("a file over 10 MB arrives whole and imports", async ({ page }) => {
  runCli("project", "create", "--slug", "e2e-big", "--name", "Big", "--labels", "PER");
  runCli(
    "member",
    "add",
    "--project",
    "e2e-big",
    "--email",
    "admin@concord.test",
    "--role",
    "owner",
  );
  const filler = "word ".repeat(400);
  const lines = Array.from({ length: 6000 }, (_, i) =>
    JSON.stringify({
      id: `big-${i}`,
      text: `😀 Ann ${filler}`,
      annotations: [{ annotator: "ann", spans: [{ start: 2, end: 5, label: "PER" }] }],
    }),
  );
  const buffer = Buffer.from(`${lines.join("\n")}\n`);
  expect(buffer.length).toBeGreaterThan(11_000_000);

  await signIn(page, "admin@concord.test");
  await page.goto("/projects/e2e-big/datasets");
  await page
    .getByLabel("Files")
    .setInputFiles({ name: "big.jsonl", mimeType: "application/jsonl", buffer });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-preview")).toContainText(
    "Ready to import 6000 new documents, 6000 annotations, 6000 spans",
  );
  await page.getByRole("button", { name: "Import 6000 documents" }).click();
  // 12.7 MB shows its progress while it imports: seconds, more on PostgreSQL than on SQLite.
  await expect(page.getByTestId("import-result")).toContainText("Imported 6000 new documents", {
    timeout: 30_000,
  });
});
