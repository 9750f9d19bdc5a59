import { expect, test } from "@playwright/test";
import { dragSelect } from "./helpers";
import { createAnnotatedProject, mark, openProjectDocument } from "./workspace-project";

const text = "Anna visited London and Berlin last May.";

test.beforeAll(() => {
  createAnnotatedProject({ slug: "snap", labels: ["LOC"], documents: [{ id: "s1", text }] });
  createAnnotatedProject({
    slug: "nosnap",
    labels: ["LOC"],
    tokenSnapping: false,
    documents: [{ id: "s2", text }],
  });
});

test("a selection inside a word snaps to whole words, white space never counts, Alt keeps one selection as made", async ({
  page,
}) => {
  await openProjectDocument(page, "snap", "s1");
  await dragSelect(page, "ondo");
  await page.keyboard.press("1");
  await expect(mark(page, "London")).toHaveAttribute("data-label", "LOC");

  await dragSelect(page, " Berlin ");
  await page.keyboard.press("1");
  await expect(mark(page, "Berlin")).toHaveAttribute("data-label", "LOC");

  await page.keyboard.down("Alt");
  await dragSelect(page, "ast");
  await page.keyboard.up("Alt");
  await page.keyboard.press("1");
  await expect(mark(page, "ast")).toHaveAttribute("data-label", "LOC");
  await expect(page.getByTestId("span-count")).toHaveText("3 spans");
});

test("a project without token snapping keeps selections as made, trimmed of white space", async ({
  page,
}) => {
  await openProjectDocument(page, "nosnap", "s2");
  await dragSelect(page, "isite");
  await page.keyboard.press("1");
  await expect(mark(page, "isite")).toHaveAttribute("data-label", "LOC");
  await dragSelect(page, " Lon");
  await page.keyboard.press("1");
  await expect(mark(page, "Lon")).toHaveAttribute("data-label", "LOC");
});
