import { expect, test } from "@playwright/test";
import { dragSelect } from "./helpers";
import {
  createAnnotatedProject,
  cursorText,
  documentText,
  mark,
  openProjectDocument,
} from "./workspace-project";

const slug = "scripts";
const chinese =
  "俄罗斯总统表示，乌克兰问题需要通过谈判解决。代表团明天将前往北京。乌克兰东部局势紧张。";
const family = "👩‍👩‍👧";
const english = `We met the ${family} family today.`;

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels: ["LOC"],
    documents: [
      { id: "zh", text: chinese },
      { id: "emoji", text: english },
    ],
  });
});

test("in Chinese a drag snaps to the word and tag all finds every 乌克兰", async ({ page }) => {
  await openProjectDocument(page, slug, "zh");
  await dragSelect(page, "北京");
  await page.keyboard.press("1");
  await expect(mark(page, "北京")).toHaveAttribute("data-label", "LOC");

  await page.keyboard.press("/");
  const find = page.getByRole("searchbox", { name: "Find in document" });
  await find.fill("乌克兰");
  await expect(page.getByTestId("search-count")).toHaveText("1 of 2");
  await page.getByLabel("Tag as").selectOption("LOC");
  await page.getByRole("button", { name: "Tag all 2 unannotated as LOC" }).click();
  await expect(documentText(page).locator("mark")).toHaveText(["乌克兰", "北京", "乌克兰"]);
});

test("the word cursor steps over a family emoji as one character", async ({ page }) => {
  await openProjectDocument(page, slug, "emoji");
  const stops: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("ArrowRight");
    stops.push(await cursorText(page));
  }
  expect(stops).toEqual(["We", "met", "the", family, "family"]);
  await page.keyboard.press("ArrowLeft");
  expect(await cursorText(page)).toBe(family);
  await page.keyboard.press("1");
  await expect(mark(page, family)).toHaveAttribute("data-label", "LOC");
});
