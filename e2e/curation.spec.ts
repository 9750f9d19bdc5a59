import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { addDemoMember, createAnnotatedProject } from "./workspace-project";

const slug = "curation";
const text = "Russia said troops left. Later, Russia denied it. Kyiv agreed.";

/** A span over the n-th occurrence (from 0) of `word`. */
function span(word: string, label: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(word, start + 1);
  return { start, end: start + word.length, label };
}

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels: ["GPE", "LOC"],
    // One document per test, each curated from scratch.
    documents: ["c1", "c2", "c3"].map((id) => ({
      id,
      text,
      annotations: [
        {
          annotator: "ann",
          status: "submitted",
          spans: [span("Russia", "GPE"), span("Russia", "GPE", 1), span("Kyiv", "GPE")],
        },
        {
          annotator: "bob",
          status: "submitted",
          spans: [span("Russia", "LOC"), span("Russia", "LOC", 1)],
        },
      ],
    })),
  });
  addDemoMember(slug, "rita@concord.test", "reviewer");
});

async function openCuration(page: Page, name: string) {
  await signIn(page, "rita@concord.test");
  await page.goto(`/projects/${slug}/review/documents`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByTestId("region")).toHaveCount(3);
}

const gold = (page: Page) => page.getByTestId("gold-layer");

test("marking curated with open regions asks first, and editing curated gold reopens it", async ({
  page,
}) => {
  await openCuration(page, "c1");
  await page.getByRole("button", { name: "Mark curated" }).click();
  const ask = page.getByRole("alertdialog");
  await expect(ask).toContainText("3 regions are still open");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByTestId("status")).toHaveText("Not started");

  await page.getByRole("button", { name: "Accept GPE “Kyiv” from ann" }).click();
  await expect(page.getByTestId("region")).toHaveCount(2);
  await page.getByRole("button", { name: "Mark curated" }).click();
  await expect(ask).toContainText("2 regions are still open");
  await ask.getByRole("button", { name: "Mark curated anyway" }).click();
  await expect(page.getByTestId("status")).toHaveText("Curated");

  await page.getByRole("button", { name: "Accept GPE “Russia” from ann" }).first().click();
  await expect(page.getByTestId("gold-notice")).toContainText("reopened");
  await expect(page.getByTestId("status")).toHaveText("In progress");
});

test("regions that read the same show their context; settled ones leave the open list", async ({
  page,
}) => {
  await openCuration(page, "c2");
  const contexts = page.getByTestId("region-context");
  await expect(contexts).toHaveCount(2);
  await expect(contexts.nth(0)).toContainText("Russia said troops left");
  await expect(contexts.nth(1)).toContainText("Later, Russia denied it");
  // "Kyiv" is the only region that reads so: no context needed.
  await expect(page.getByTestId("region").nth(2)).not.toContainText("agreed.");

  // Clicking a region shows it in the text.
  await page.getByRole("button", { name: /Later,.*Russia.*denied/ }).click();
  const cursor = gold(page).locator("[data-cursor]");
  await expect(cursor).toHaveText("Russia");
  await expect(cursor).toBeInViewport();

  await page.getByRole("button", { name: "Accept LOC “Russia” from bob" }).nth(1).click();
  await expect(page.getByTestId("region")).toHaveCount(2);
  await page.getByRole("radio", { name: "All" }).check();
  await expect(page.getByTestId("region")).toHaveCount(3);
  await expect(page.getByTestId("region").filter({ hasText: "settled" })).toHaveCount(1);
});

test("Ctrl+Z and Ctrl+Shift+Z undo and redo gold edits", async ({ page }) => {
  await openCuration(page, "c3");
  await page.getByRole("radio", { name: "All" }).check();
  await page.getByRole("button", { name: "Accept GPE “Russia” from ann" }).first().click();
  await expect(gold(page).locator("mark")).toHaveCount(1);
  await page.getByRole("button", { name: "Accept LOC “Russia” from bob" }).first().click();
  await expect(gold(page).locator("mark[data-label=LOC]")).toHaveCount(1);

  await page.keyboard.press("Control+z");
  await expect(gold(page).locator("mark[data-label=GPE]")).toHaveCount(1);
  await expect(gold(page).locator("mark[data-label=LOC]")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(gold(page).locator("mark")).toHaveCount(0);
  await page.keyboard.press("Control+Shift+z");
  await expect(gold(page).locator("mark[data-label=GPE]")).toHaveCount(1);
  await page.keyboard.press("Control+Shift+z");
  await expect(gold(page).locator("mark[data-label=LOC]")).toHaveCount(1);
  await expect(gold(page).locator("mark[data-label=GPE]")).toHaveCount(0);

  await page.reload();
  await expect(gold(page).locator("mark[data-label=LOC]")).toHaveCount(1);
});
