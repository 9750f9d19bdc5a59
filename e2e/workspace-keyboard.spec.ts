import { expect, test } from "@playwright/test";
import {
  createAnnotatedProject,
  cursorText,
  documentText,
  mark,
  openProjectDocument,
} from "./workspace-project";

const slug = "keys";
const line = "Ana Lima met Bob Stone in Paris on Monday.";
const text = `${line}\nLater Ana flew to Berlin with Cy Young.`;

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    // Eleven labels: the tenth and eleventh get the letter keys q and w.
    labels: ["PER", "ORG", "LOC", "DATE", "MONEY", "TIME", "LAW", "WORK", "LANG", "EVENT", "MISC"],
    documents: ["k1", "k2", "k3"].map((id) => ({ id, text })),
  });
});

test("arrows move a word cursor, Shift extends it, digit and letter hotkeys tag it", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "k1");

  await page.keyboard.press("ArrowRight");
  expect(await cursorText(page)).toBe("Ana");
  await page.keyboard.press("Shift+ArrowRight");
  expect(await cursorText(page)).toBe("Ana Lima");
  await page.keyboard.press("1");
  await expect(mark(page, "Ana Lima")).toHaveAttribute("data-label", "PER");

  // From a tagged span the cursor carries on after it.
  await page.keyboard.press("ArrowRight");
  expect(await cursorText(page)).toBe("met");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  expect(await cursorText(page)).toBe("Bob Stone");
  await page.keyboard.press("q");
  await expect(mark(page, "Bob Stone")).toHaveAttribute("data-label", "EVENT");

  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("w");
  await expect(mark(page, "Paris")).toHaveAttribute("data-label", "MISC");

  // Down goes to the next line, up comes back.
  await page.keyboard.press("ArrowDown");
  const below = await documentText(page)
    .locator("[data-cursor]")
    .first()
    .getAttribute("data-offset");
  expect(Number(below)).toBeGreaterThan(line.length);
  await page.keyboard.press("ArrowUp");
  const above = await documentText(page)
    .locator("[data-cursor]")
    .first()
    .getAttribute("data-offset");
  expect(Number(above)).toBeLessThan(line.length);
  await expect(page.getByTestId("span-count")).toHaveText("3 spans");
});

test("Tab and Shift+Tab walk the spans; a hotkey relabels, Delete and Backspace remove", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "k2");
  // Ana as PER, then past "Lima met" Bob as ORG, Stone as LOC.
  const keys = [
    "ArrowRight",
    "1",
    "ArrowRight",
    "ArrowRight",
    "ArrowRight",
    "2",
    "ArrowRight",
    "3",
  ];
  for (const key of keys) {
    await page.keyboard.press(key);
  }
  await expect(page.getByTestId("span-count")).toHaveText("3 spans");
  const focused = documentText(page).locator("mark[data-focused]");
  await expect(focused).toHaveText("Stone");

  await page.keyboard.press("Shift+Tab");
  await expect(focused).toHaveText("Bob");
  await expect(page.getByTestId("announcement")).toHaveText("ORG “Bob”, span 2 of 3");
  await page.keyboard.press("Shift+Tab");
  await expect(focused).toHaveText("Ana");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(focused).toHaveText("Stone");
  // Past the last span, Tab leaves the text for the rest of the page.
  await page.keyboard.press("Tab");
  await expect(documentText(page)).not.toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(documentText(page)).toBeFocused();

  await page.keyboard.press("Shift+Tab");
  await expect(focused).toHaveText("Bob");
  await page.keyboard.press("4");
  await expect(mark(page, "Bob")).toHaveAttribute("data-label", "DATE");
  await page.keyboard.press("Delete");
  await expect(mark(page, "Bob")).toHaveCount(0);
  await page.keyboard.press("Shift+Tab");
  await expect(focused).toHaveText("Ana");
  await page.keyboard.press("Backspace");
  await expect(mark(page, "Ana")).toHaveCount(0);
  await expect(page.getByTestId("span-count")).toHaveText("1 span");

  // Escape until nothing is held, then Tab, leaves the text even with spans left to walk.
  await page.keyboard.press("Tab");
  await expect(focused).toHaveText("Stone");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(documentText(page)).not.toBeFocused();

  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.reload();
  await expect(documentText(page).locator("mark")).toHaveText(["Stone"]);
});

test("Enter opens the label menu, which arrows, Home, End, Enter and Escape drive", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "k3");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Tag selection" });
  await expect(menu.getByRole("menuitemradio", { name: /PER/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitemradio", { name: /ORG/ })).toBeFocused();
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitemradio", { name: /MISC/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitemradio", { name: /PER/ })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitemradio", { name: /EVENT/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(mark(page, "Ana")).toHaveAttribute("data-label", "EVENT");
  await expect(documentText(page)).toBeFocused();

  // The new span has the focus: Enter opens its menu with its label checked.
  await page.keyboard.press("Enter");
  const spanMenu = page.getByRole("menu", { name: "Span “Ana”" });
  await expect(spanMenu.getByRole("menuitemradio", { name: /EVENT/ })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await expect(spanMenu.getByRole("menuitemradio", { name: /EVENT/ })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(spanMenu).toBeHidden();
  await expect(documentText(page)).toBeFocused();
});

test("? opens a cheat sheet of every shortcut and label key", async ({ page }) => {
  await openProjectDocument(page, slug, "k1");
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  for (const keys of ["Ctrl+Z", "Ctrl+Shift+Z / Ctrl+Y", "J or ]", "K or [", "N", "Ctrl+Enter"]) {
    await expect(sheet.getByRole("rowheader", { name: keys, exact: true })).toBeVisible();
  }
  await expect(sheet.getByRole("row", { name: "w MISC" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
});
