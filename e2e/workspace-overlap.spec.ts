import { expect, test } from "@playwright/test";
import {
  createAnnotatedProject,
  documentText,
  mark,
  openProjectDocument,
} from "./workspace-project";

const text = "New York City Hall opened on Monday.";
const labels = ["ORG", "GPE", "LOC"];

test.beforeAll(() => {
  createAnnotatedProject({ slug: "strict", labels, documents: [{ id: "o1", text }] });
  createAnnotatedProject({
    slug: "nested",
    labels,
    allowOverlap: true,
    documents: [{ id: "o2", text }],
  });
});

test("a project that forbids overlaps refuses an overlapping span with a visible message", async ({
  page,
}) => {
  await openProjectDocument(page, "strict", "o1");
  for (const key of ["ArrowRight", "Shift+ArrowRight", "2"]) await page.keyboard.press(key);
  await expect(mark(page, "New York")).toHaveAttribute("data-label", "GPE");

  // "York City" overlaps "New York".
  for (const key of ["ArrowRight", "Shift+ArrowLeft", "3"]) await page.keyboard.press(key);
  await expect(
    page.getByRole("alert").filter({ hasText: "does not allow overlapping spans" }),
  ).toBeVisible();
  await expect(page.getByTestId("span-count")).toHaveText("1 span");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.reload();
  await expect(documentText(page).locator("mark")).toHaveText(["New York"]);
});

test("a project that allows overlaps shows nested and crossing spans together, each clickable", async ({
  page,
}) => {
  await openProjectDocument(page, "nested", "o2");
  // "New York City Hall" as ORG, then "New York" as GPE and "City Hall" as LOC inside it.
  const keys = ["ArrowRight", "Shift+ArrowRight", "Shift+ArrowRight", "Shift+ArrowRight", "1"];
  keys.push("Escape", "Escape", "ArrowLeft", "ArrowLeft", "ArrowLeft", "ArrowLeft", "ArrowLeft");
  keys.push("Shift+ArrowRight", "2", "ArrowRight", "Shift+ArrowRight", "3");
  for (const key of keys) await page.keyboard.press(key);
  await expect(page.getByTestId("span-count")).toHaveText("3 spans");

  // Every span that overlaps another wears a tag with its label where it starts.
  const tags = documentText(page).locator("[data-chip-for]");
  await expect(tags).toHaveCount(3);
  expect(await tags.evaluateAll((all) => all.map((tag) => tag.getAttribute("data-label")))).toEqual(
    ["ORG", "GPE", "LOC"],
  );
  const announcement = page.getByTestId("announcement");
  await tags.nth(1).click();
  await expect(announcement).toHaveText("GPE “New York”, span 1 of 3");
  // Clicking the text picks the innermost span, clicking again the one around it.
  await mark(page, "City Hall").click();
  await expect(announcement).toHaveText("LOC “City Hall”, span 3 of 3");
  await mark(page, "City Hall").click();
  await expect(announcement).toHaveText("ORG “New York City Hall”, span 2 of 3");

  await tags.nth(1).click();
  await page.keyboard.press("Delete");
  await expect(tags).toHaveCount(2);
  await expect(page.getByTestId("span-count")).toHaveText("2 spans");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.reload();
  await expect(documentText(page).locator("[data-chip-for]")).toHaveCount(2);
});
