import { expect, test, type Page } from "@playwright/test";
import { dragSelect } from "./helpers";
import {
  createAnnotatedProject,
  documentText,
  mark,
  openProjectDocument,
} from "./workspace-project";

const slug = "in-view";
// spaCy's label set: enough labels that the menu is taller than a zoomed window.
const labels = [
  "PERSON",
  "NORP",
  "FAC",
  "ORG",
  "GPE",
  "LOC",
  "PRODUCT",
  "EVENT",
  "WORK",
  "LAW",
  "LANGUAGE",
  "DATE",
  "TIME",
  "MONEY",
  "QUANTITY",
];
const last = labels.at(-1) ?? "";
// Words that each occur once, in paragraphs long enough that the text pane scrolls.
const words = Array.from({ length: 480 }, (_, i) => `w${String(i).padStart(3, "0")}`);
const text = Array.from({ length: 8 }, (_, p) => words.slice(p * 60, p * 60 + 60).join(" ")).join(
  "\n\n",
);

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels,
    documents: ["zoomed-keys", "zoomed-wheel", "phone"].map((id) => ({ id, text })),
  });
});

/**
 * Brings the end of the text to the bottom of the window and returns the word shown nearest the
 * window's bottom-right corner: the place where a menu below and to the right has least room.
 */
async function wordInCorner(page: Page): Promise<string> {
  await documentText(page).evaluate((pane) => {
    pane.scrollTop = pane.scrollHeight;
    window.scrollBy(0, pane.getBoundingClientRect().bottom - document.documentElement.clientHeight);
  });
  // The pane draws the blocks scrolled into it on the next frame.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  return documentText(page).evaluate((pane) => {
    const shown = pane.getBoundingClientRect();
    const { clientWidth, clientHeight } = document.documentElement;
    let best = { word: "", corner: -Infinity };
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? "").matchAll(/w\d{3}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const box = range.getBoundingClientRect();
        const visible =
          box.top >= Math.max(0, shown.top) &&
          box.bottom <= Math.min(clientHeight, shown.bottom) &&
          box.right <= clientWidth;
        if (visible && box.bottom + box.right > best.corner) {
          best = { word: match[0], corner: box.bottom + box.right };
        }
      }
    }
    return best.word;
  });
}

/** The menu's box lies wholly inside the window. */
async function expectInsideWindow(page: Page) {
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  const box = await menu.boundingBox();
  const window = page.viewportSize();
  expect(box).not.toBeNull();
  expect(window).not.toBeNull();
  if (!box || !window) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(window.width);
  expect(box.y + box.height).toBeLessThanOrEqual(window.height);
}

const item = (page: Page, name: string) =>
  page.getByRole("menu").getByRole("menuitemradio", { name: new RegExp(`^${name}\\b`) });

test.describe("at 200% zoom", () => {
  // A 1280x800 window zoomed to 200%: the page lays out in 640x400 CSS pixels, drawn at 2x.
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  test("the menu beside a word in the corner fits the window and the keyboard reaches every label", async ({
    page,
  }) => {
    await openProjectDocument(page, slug, "zoomed-keys");
    const word = await wordInCorner(page);
    await dragSelect(page, word);
    await expectInsideWindow(page);
    // No room under the word: the menu opens above it and leaves it readable.
    const selected = await page.evaluate(
      () => window.getSelection()?.getRangeAt(0).getBoundingClientRect().top,
    );
    const menuBox = await page.getByRole("menu").boundingBox();
    expect((menuBox?.y ?? Infinity) + (menuBox?.height ?? 0)).toBeLessThanOrEqual(selected ?? 0);
    await expect(item(page, labels[0] ?? "")).toBeFocused();
    await expect(item(page, labels[0] ?? "")).toBeInViewport({ ratio: 1 });

    await page.keyboard.press("End");
    await expect(item(page, last)).toBeFocused();
    await expect(item(page, last)).toBeInViewport({ ratio: 1 });
    await page.keyboard.press("Enter");
    await expect(mark(page, word)).toHaveAttribute("data-label", last);

    // Reopened on the span, the menu starts at its label, scrolled into view.
    await mark(page, word).click();
    await expectInsideWindow(page);
    await expect(item(page, last)).toBeFocused();
    await expect(item(page, last)).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole("menuitem", { name: "Delete span" })).toBeInViewport();
  });

  test("scrolling the menu brings its last label into reach of the mouse", async ({ page }) => {
    await openProjectDocument(page, slug, "zoomed-wheel");
    const word = await wordInCorner(page);
    await dragSelect(page, word);
    await expectInsideWindow(page);
    const menu = page.getByRole("menu");
    // The labels do not fit at this size: the menu scrolls inside itself.
    expect(await menu.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(
      true,
    );
    await menu.hover();
    await page.mouse.wheel(0, 2_000);
    await expect(item(page, last)).toBeInViewport({ ratio: 1 });
    await item(page, last).click();
    await expect(mark(page, word)).toHaveAttribute("data-label", last);
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 });

  test("the menu beside a word at the right edge stays on the screen", async ({ page }) => {
    await openProjectDocument(page, slug, "phone");
    const word = await wordInCorner(page);
    await dragSelect(page, word);
    await expectInsideWindow(page);
    await page.keyboard.press("End");
    await expect(item(page, last)).toBeInViewport({ ratio: 1 });
    await page.keyboard.press("Enter");
    await expect(mark(page, word)).toHaveAttribute("data-label", last);
  });
});
