import { expect, test, type Page } from "@playwright/test";
import {
  createAnnotatedProject,
  documentText,
  mark,
  openProjectDocument,
} from "./workspace-project";

const slug = "history";

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels: ["PER", "ORG"],
    documents: [{ id: "h1", text: "Ana met Bob in Rome." }],
  });
});

/** The spans as "text:LABEL", in text order. */
async function spans(page: Page) {
  const marks = documentText(page).locator("mark");
  return marks.evaluateAll((elements) =>
    elements.map((element) => `${element.textContent}:${element.getAttribute("data-label")}`),
  );
}

async function reloadWhenSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.reload();
  await expect(documentText(page)).toBeFocused();
}

test("Ctrl+Z and Ctrl+Shift+Z undo and redo every span change, and the undo reaches the server and survives a reload", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "h1");
  // Tag Ana and Bob, delete Ana, relabel Bob.
  for (const key of ["ArrowRight", "1", "ArrowRight", "ArrowRight", "1", "Shift+Tab", "Delete"]) {
    await page.keyboard.press(key);
  }
  await page.keyboard.press("Tab");
  await page.keyboard.press("2");
  await expect.poll(() => spans(page)).toEqual(["Bob:ORG"]);
  await reloadWhenSaved(page);
  await expect.poll(() => spans(page)).toEqual(["Bob:ORG"]);

  await page.keyboard.press("Control+z");
  await expect.poll(() => spans(page)).toEqual(["Bob:PER"]);
  await page.keyboard.press("Control+z");
  await expect.poll(() => spans(page)).toEqual(["Ana:PER", "Bob:PER"]);
  await reloadWhenSaved(page);
  await expect.poll(() => spans(page)).toEqual(["Ana:PER", "Bob:PER"]);

  await page.keyboard.press("Control+z");
  await expect(mark(page, "Bob")).toHaveCount(0);
  await page.keyboard.press("Control+Shift+z");
  await expect(mark(page, "Bob")).toHaveAttribute("data-label", "PER");
  await page.keyboard.press("Control+z");
  await expect(mark(page, "Bob")).toHaveCount(0);
  await page.keyboard.press("Control+y");
  await expect(mark(page, "Bob")).toHaveAttribute("data-label", "PER");
  await reloadWhenSaved(page);
  await expect.poll(() => spans(page)).toEqual(["Ana:PER", "Bob:PER"]);

  // The undone delete and relabel are still there to redo, newest first.
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(() => spans(page)).toEqual(["Bob:PER"]);
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(() => spans(page)).toEqual(["Bob:ORG"]);
  await page.keyboard.press("Control+Shift+z");
  await expect(page.getByTestId("notice")).toHaveText("Nothing to redo.");
  await reloadWhenSaved(page);
  await expect.poll(() => spans(page)).toEqual(["Bob:ORG"]);
});
