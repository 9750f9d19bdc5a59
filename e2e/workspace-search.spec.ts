import { expect, test } from "@playwright/test";
import {
  createAnnotatedProject,
  documentText,
  mark,
  openProjectDocument,
} from "./workspace-project";

const slug = "search";
const text = "Kursk is far. The Kursk region borders Kurskaya oblast. We saw kursk again.";

test.beforeAll(() => {
  createAnnotatedProject({ slug, labels: ["PER", "LOC"], documents: [{ id: "f1", text }] });
});

test("/ and Ctrl+F find text; tag all occurrences tags the unannotated whole words as one undo step", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "f1");
  const count = page.getByTestId("search-count");
  const find = page.getByRole("searchbox", { name: "Find in document" });

  await page.keyboard.press("/");
  await expect(find).toBeFocused();
  await find.fill("kursk");
  await expect(count).toHaveText("1 of 4");
  await expect(documentText(page).locator("[data-match]")).toHaveCount(4);
  await find.press("Enter");
  await expect(count).toHaveText("2 of 4");
  await find.press("Shift+Enter");
  await find.press("Shift+Enter");
  await expect(count).toHaveText("4 of 4");
  await find.press("Enter");
  await find.press("Enter");
  await expect(count).toHaveText("2 of 4");
  await page.getByLabel("Match case").check();
  await expect(count).toHaveText("1 of 1");
  await page.getByLabel("Match case").uncheck();
  await find.press("Enter");

  // Escape goes back to the text with the cursor on the match: a hotkey tags it.
  await find.press("Escape");
  await expect(find).toBeHidden();
  await expect(documentText(page)).toBeFocused();
  await page.keyboard.press("2");
  await expect(mark(page, "Kursk")).toHaveCount(1);

  await page.keyboard.press("Control+f");
  await expect(find).toBeFocused();
  await expect(find).toHaveValue("kursk");
  await page.getByLabel("Tag as").selectOption("LOC");
  // "Kurskaya" is not a whole word, and the second Kursk is already tagged.
  await page.getByRole("button", { name: "Tag all 2 unannotated as LOC" }).click();
  await expect(documentText(page).locator("mark")).toHaveText(["Kursk", "Kursk", "kursk"]);
  await expect(page.getByRole("button", { name: /Tag all 0 unannotated/ })).toBeDisabled();

  await find.press("Escape");
  await page.keyboard.press("Control+z");
  await expect(documentText(page).locator("mark")).toHaveText(["Kursk"]);
  await page.keyboard.press("Control+Shift+z");
  await expect(documentText(page).locator("mark")).toHaveText(["Kursk", "Kursk", "kursk"]);
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.reload();
  await expect(documentText(page).locator("mark[data-label=LOC]")).toHaveCount(3);
});
