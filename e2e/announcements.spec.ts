import { expect, test, type Page } from "@playwright/test";
import { dragSelect, signIn, signOut } from "./helpers";
import {
  addDemoMember,
  createAnnotatedProject,
  mark,
  openProjectDocument,
} from "./workspace-project";

const slug = "announce";
const curationText = "Russia said troops left. Later, Russia denied it. Kyiv agreed.";

function span(word: string, label: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = curationText.indexOf(word, start + 1);
  return { start, end: start + word.length, label };
}

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels: ["ORG", "GPE", "LOC"],
    documents: [
      { id: "a1", text: "NATO met in Kursk on Monday." },
      { id: "a2", text: "New York City Hall opened on Monday." },
      {
        id: "g1",
        text: curationText,
        annotations: [
          {
            annotator: "ada",
            status: "submitted",
            spans: [span("Russia", "GPE"), span("Russia", "GPE", 1), span("Kyiv", "GPE")],
          },
          {
            annotator: "ben",
            status: "submitted",
            spans: [span("Russia", "LOC"), span("Russia", "LOC", 1)],
          },
        ],
      },
    ],
  });
  addDemoMember(slug, "rita@concord.test", "reviewer");
  addDemoMember(slug, "admin@concord.test", "owner");
});

/** The page's one polite live region, which every action speaks through. */
const announcement = (page: Page) => page.getByTestId("announcement");

test("tagging, deleting, undo, redo and submit are announced in words", async ({ page }) => {
  await openProjectDocument(page, slug, "a1");
  const said = announcement(page);

  for (const key of ["ArrowRight", "1"]) await page.keyboard.press(key);
  await expect(mark(page, "NATO")).toHaveCount(1);
  await expect(said).toHaveText("Tagged “NATO” as ORG");
  await page.keyboard.press("Delete");
  await expect(mark(page, "NATO")).toHaveCount(0);
  await expect(said).toHaveText("Deleted ORG “NATO”");
  await page.keyboard.press("Control+z");
  await expect(mark(page, "NATO")).toHaveCount(1);
  await expect(said).toHaveText("Undone: deleted ORG “NATO”");
  await page.keyboard.press("Control+Shift+z");
  await expect(mark(page, "NATO")).toHaveCount(0);
  await expect(said).toHaveText("Redone: deleted ORG “NATO”");

  await dragSelect(page, "Kursk");
  await page.keyboard.press("3");
  await expect(said).toHaveText("Tagged “Kursk” as LOC");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(said).toHaveText("Undone: tagged “Kursk” as LOC");
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(said).toHaveText("Redone: tagged “Kursk” as LOC");
  // The same words again are a new message, not an unchanged region.
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(said).toHaveText("Redone: tagged “Kursk” as LOC");

  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("heading", { name: "a2" })).toBeVisible();
  // Said before the next document opened, and still there once it has.
  await expect(said).toHaveText("Submitted “a1”");
  await expect(page).toHaveTitle(`a2 · ${slug} · Concord`);
});

test("a refused overlap is never announced as done, and its alert quotes text, not offsets", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "a2");
  const said = announcement(page);
  for (const key of ["ArrowRight", "Shift+ArrowRight", "2"]) await page.keyboard.press(key);
  await expect(said).toHaveText("Tagged “New York” as GPE");

  // "York City" overlaps "New York".
  for (const key of ["ArrowRight", "Shift+ArrowLeft", "3"]) await page.keyboard.press(key);
  const alert = page.getByRole("alert").filter({ hasText: "does not allow overlapping spans" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("“York City” overlaps the GPE span “New York”");
  expect(await alert.textContent()).not.toMatch(/\b\d+\b/);
  // The alert and the live region change in the same keystroke: the region has had its chance.
  await expect(said).not.toContainText("Tagged");
  await expect(page.getByTestId("span-count")).toHaveText("1 span");
});

test("curation's accept, reject, undo and gold status are announced", async ({ page }) => {
  await signIn(page, "rita@concord.test");
  await page.goto(`/projects/${slug}/review/documents`);
  await page.getByRole("link", { name: "g1" }).click();
  await expect(page.getByTestId("region")).toHaveCount(3);
  const said = announcement(page);

  await page.getByRole("button", { name: "Accept GPE “Kyiv” from ada" }).click();
  await expect(said).toHaveText("Accepted GPE “Kyiv” into gold");
  await page.getByRole("button", { name: "Accept LOC “Russia” from ben" }).first().click();
  await expect(said).toHaveText("Accepted LOC “Russia” into gold");
  const later = page.getByTestId("region").filter({ hasText: "Later, Russia denied" });
  await later.getByRole("button", { name: "Reject all" }).click();
  await expect(said).toHaveText("Rejected “Russia”: gold has no span there");

  await page.keyboard.press("Control+z");
  await expect(said).toHaveText("Undone: accepted LOC “Russia” into gold");
  await page.getByRole("button", { name: "Mark curated" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Mark curated anyway" }).click();
  await expect(page.getByTestId("status")).toHaveText("Curated");
  await expect(said).toHaveText("Gold marked curated");
});

test("every page has its own title, naming its document and project", async ({ page }) => {
  await signIn(page, "admin@concord.test");
  const titles: string[] = [];
  const visit = async (url: string, expected: string) => {
    await page.goto(url);
    await expect(page).toHaveTitle(expected);
    titles.push(expected);
  };
  await visit(`/projects/${slug}`, `Documents · ${slug} · Concord`);
  await page.getByRole("link", { name: "a1" }).click();
  await expect(page).toHaveTitle(`a1 · ${slug} · Concord`);
  titles.push(await page.title());
  await visit(`/projects/${slug}/review`, `Agreement · ${slug} · Concord`);
  await visit(`/projects/${slug}/settings`, `Settings · ${slug} · Concord`);
  await visit(`/projects/${slug}/datasets`, `Datasets · ${slug} · Concord`);
  await visit("/admin/users", "Users · Concord");
  await visit(`/projects/${slug}/documents/999999`, "Not found · Concord");
  await visit("/no-such-page", "Page not found · Concord");
  await signOut(page);
  await visit("/signin", "Sign in · Concord");
  await visit("/invite/made-up-token", "Invitation · Concord");
  expect(new Set(titles).size).toBe(titles.length);
});
