import { expect, test, type Page } from "@playwright/test";
import { createAnnotatedProject, mark, openProjectDocument } from "./workspace-project";

const slug = "two-tabs";

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels: ["LOC", "GPE", "ORG"],
    // One document per test, so that each starts from an empty layer.
    documents: [
      { id: "t1", text: "Kursk was shelled. Kyiv said so." },
      { id: "t2", text: "Kursk was shelled. Kyiv said so." },
    ],
  });
});

const saved = (page: Page) => expect(page.getByTestId("save-state")).toHaveText("Saved");

/** Tab A signed in on the document with “Kursk” tagged LOC and saved; tab B opened after. */
async function twoTabs(page: Page, name: string) {
  await openProjectDocument(page, slug, name);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("1");
  await saved(page);
  const tabB = await page.context().newPage();
  await tabB.goto(page.url());
  await expect(mark(tabB, "Kursk")).toHaveAttribute("data-label", "LOC");
  return { tabA: page, tabB };
}

async function relabel(page: Page, text: string, key: string) {
  await mark(page, text).click();
  await page.keyboard.press(key);
}

test("a stale tab's relabel and delete are refused, reloaded and named; the other tab's change stays", async ({
  page,
}) => {
  const { tabA, tabB } = await twoTabs(page, "t1");

  await relabel(tabA, "Kursk", "2");
  await saved(tabA);
  await relabel(tabB, "Kursk", "3");
  const notice = tabB.getByTestId("conflict-notice");
  await expect(notice).toContainText("This document changed in another tab or by another person");
  await expect(notice).toContainText(
    "Relabelling “Kursk” LOC to ORG was not re-applied: the LOC span “Kursk” is not there.",
  );
  await saved(tabB);
  await expect(mark(tabB, "Kursk")).toHaveAttribute("data-label", "GPE");

  // Tab B now shows GPE; tab A moves on to LOC, and B, stale again, deletes what it shows.
  await relabel(tabA, "Kursk", "1");
  await saved(tabA);
  await mark(tabB, "Kursk").click();
  await tabB.keyboard.press("Delete");
  await expect(notice).toContainText("Deleting “Kursk” GPE was not re-applied: it is LOC now.");
  await expect(mark(tabB, "Kursk")).toHaveAttribute("data-label", "LOC");

  await tabA.reload();
  await expect(mark(tabA, "Kursk")).toHaveAttribute("data-label", "LOC");
});

test("an edit in a tab that did not see the submission is rebased on it and reopens it honestly", async ({
  page,
}) => {
  const { tabA, tabB } = await twoTabs(page, "t2");

  const document = tabA.url();
  await tabA.getByRole("button", { name: "Submit" }).click();
  // Submitting moves tab A on to the next document to do.
  await expect(tabA.getByRole("heading", { name: "t1" })).toBeVisible();
  await expect(tabB.getByTestId("status")).toHaveText("In progress");

  await relabel(tabB, "Kursk", "3");
  await expect(tabB.getByTestId("conflict-notice")).toContainText(
    "This document changed in another tab or by another person: reloaded it. Your unsaved changes were re-applied.",
  );
  await saved(tabB);
  await expect(mark(tabB, "Kursk")).toHaveAttribute("data-label", "ORG");
  await expect(tabB.getByTestId("status")).toHaveText("In progress");

  await tabA.goto(document);
  await expect(tabA.getByTestId("status")).toHaveText("In progress");
  await expect(mark(tabA, "Kursk")).toHaveAttribute("data-label", "ORG");
});
