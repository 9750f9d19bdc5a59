import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createAnnotatedProject, documentText, openProjectDocument } from "./workspace-project";

const slug = "access";

const text = "Ana Lima met Bob at ACME in Paris.\nNew York City Hall.";
const at = (phrase: string, label: string) => {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, label };
};

test.beforeAll(() => {
  // Both documents start with nested spans, to be checked as they are drawn.
  const annotations = [
    {
      annotator: slug,
      status: "in_progress",
      spans: [at("Paris", "LOC"), at("New York City Hall", "LOC"), at("New York", "PER")],
    },
  ];
  createAnnotatedProject({
    slug,
    labels: ["PER", "ORG", "LOC"],
    allowOverlap: true,
    documents: [
      { id: "a1", text, annotations },
      { id: "a2", text, annotations },
    ],
  });
});

/** Serious and critical axe-core violations on the page as it is now, summarised. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`,
    );
}

test("the annotation page has no serious or critical axe violations, menus and dialogs open or not", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "a1");
  // Ana Lima as PER and ACME as ORG from the keyboard, then a cursor over two words.
  const keys = ["ArrowRight", "Shift+ArrowRight", "1", "ArrowRight", "ArrowRight", "ArrowRight"];
  keys.push("ArrowRight", "2", "ArrowRight", "Shift+ArrowRight");
  for (const key of keys) await page.keyboard.press(key);
  await expect(page.getByTestId("span-count")).toHaveText("5 spans");
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu", { name: "Tag selection" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");

  await page.keyboard.press("/");
  await page.getByRole("searchbox", { name: "Find in document" }).fill("a");
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("focus is visible, and the span list is one Tab stop walked with the arrow keys", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "a2");
  await expect(documentText(page)).toHaveCSS("outline-style", "solid");
  const spanCount = 3;
  await expect(page.getByTestId("span-count")).toHaveText(`${spanCount} spans`);

  // Tab walks the spans, then leaves the text for the span list.
  for (let i = 0; i <= spanCount; i++) await page.keyboard.press("Tab");
  const list = page.getByRole("navigation", { name: "Spans by label" });
  const items = list.getByRole("button");
  await expect(items.first()).toBeFocused();
  await expect(list.locator('button[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(items.last()).toBeFocused();
  const last = (await items.last().textContent()) ?? "";
  await page.keyboard.press("Enter");
  await expect(documentText(page)).toBeFocused();
  await expect(page.getByTestId("announcement")).toContainText(`“${last}”`);
  await expect(documentText(page).locator("mark[data-focused]").first()).toHaveCSS(
    "outline-style",
    "solid",
  );
});
