import { expect, test, type Page } from "@playwright/test";
import { dragSelect, signIn } from "./helpers";

// Alice has not touched this article in the demo data, so the test starts from a clean page.
const documentName = "004_98cb3980cfabbf09";

async function openDocument(page: Page) {
  await page.goto("/projects/kursk-news");
  const row = page.getByRole("row").filter({ hasText: documentName });
  await expect(row.getByTestId("status")).toHaveText("Not started");
  await row.getByRole("link", { name: documentName }).click();
  await expect(page.getByRole("heading", { name: documentName })).toBeVisible();
}

const span = (page: Page, text: string) =>
  page.getByTestId("document-text").locator("mark", { hasText: text });

test("an annotator tags with the mouse and hotkeys, relabels, deletes, submits, and it all survives a reload", async ({
  page,
}) => {
  await signIn(page, "alice@concord.test");
  await openDocument(page);

  // Mouse: select, then pick a label from the menu.
  await dragSelect(page, "Lloyd Austin");
  const menu = page.getByRole("menu", { name: "Tag selection" });
  await menu.getByRole("menuitemradio", { name: /PERSON/ }).click();
  await expect(span(page, "Lloyd Austin")).toHaveAttribute("data-label", "PERSON");

  // Keyboard: select, then the label's hotkey (GPE is 3).
  await dragSelect(page, "Italy");
  await page.keyboard.press("3");
  await expect(span(page, "Italy")).toHaveAttribute("data-label", "GPE");
  await expect(page.getByTestId("span-count")).toHaveText("2 spans");

  // Relabel with a click and a hotkey: LOC is 4.
  await span(page, "Italy").click();
  await page.keyboard.press("4");
  await expect(span(page, "Italy")).toHaveAttribute("data-label", "LOC");

  // Relabel from the menu, then delete from the menu.
  await span(page, "Lloyd Austin").click();
  await page.getByRole("menu").getByRole("menuitemradio", { name: /ORG/ }).click();
  await expect(span(page, "Lloyd Austin")).toHaveAttribute("data-label", "ORG");
  await span(page, "Lloyd Austin").click();
  await page.getByRole("menuitem", { name: "Delete span" }).click();
  await expect(span(page, "Lloyd Austin")).toHaveCount(0);

  await page.reload();
  await expect(span(page, "Italy")).toHaveAttribute("data-label", "LOC");
  await expect(span(page, "Lloyd Austin")).toHaveCount(0);
  await expect(page.getByTestId("status")).toHaveText("In progress");

  const documentUrl = page.url();
  await page.getByRole("button", { name: "Submit" }).click();
  // Submitting moves on to the next document to do.
  await expect(page).not.toHaveURL(documentUrl);
  await page.goto(documentUrl);
  await expect(page.getByTestId("status")).toHaveText("Submitted");
  await expect(span(page, "Italy")).toHaveAttribute("data-label", "LOC");

  await page.goto("/projects/kursk-news");
  await expect(
    page.getByRole("row").filter({ hasText: documentName }).getByTestId("status"),
  ).toHaveText("Submitted");
});

test("a selection that would overlap a span is refused with a visible message", async ({
  page,
}) => {
  await signIn(page, "bob@concord.test");
  await page.goto("/projects/kursk-news");
  await page.getByRole("link", { name: "000_6ecfb38a1ffcf2f8" }).click();
  await expect(span(page, "Mark Rutte").first()).toBeVisible();
  const before = await page.getByTestId("span-count").textContent();

  await dragSelect(page, "General Mark");
  await page.keyboard.press("2");
  await expect(
    page.getByRole("alert").filter({ hasText: "does not allow overlapping spans" }),
  ).toBeVisible();
  await expect(page.getByTestId("span-count")).toHaveText(before ?? "");
});

test("document text is shown as text, never as markup", async ({ page }) => {
  await signIn(page, "alice@concord.test");
  await page.goto("/projects/kursk-news");
  await page.getByRole("link", { name: "001_1d75171d8f73ac9d" }).click();
  const text = page.getByTestId("document-text");
  await expect(text).toContainText("Skip to content");
  expect(await text.locator("script, img, a").count()).toBe(0);
});
