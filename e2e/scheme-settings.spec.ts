import { expect, test, type Page } from "@playwright/test";
import { runCli } from "./cli";
import { signIn } from "./helpers";
import { addDemoMember } from "./workspace-project";

const slug = "e2e-scheme";

test.beforeAll(() => {
  try {
    runCli("project", "create", "--slug", slug, "--name", "Scheme", "--labels", "PER,ORG,LOC");
  } catch (error) {
    // Playwright runs beforeAll again after a failed test, on the same server: it is all there.
    if (!String(error).includes("already exists")) throw error;
  }
  addDemoMember(slug, "admin@concord.test", "owner");
});

/** Types into the field named `label` from the keyboard, after what it holds is cleared. */
async function typeInto(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}

test("an owner sets up relation types, attributes and document labels from the keyboard", async ({
  page,
}) => {
  await signIn(page, "admin@concord.test");
  await page.goto(`/projects/${slug}/settings`);

  // A relation type: named, then given a key that the label PER already has, then a free one.
  await typeInto(page, "New relation type name", "located_in");
  await page.keyboard.press("Enter");
  const type = page.getByTestId("relation-type-row").and(page.locator('[data-name="located_in"]'));
  await expect(type).toBeVisible();
  await typeInto(page, "Hotkey of relation type located_in", "1");
  await page.keyboard.press("Enter");
  const hotkey = page.getByLabel("Hotkey of relation type located_in");
  await expect(type.getByRole("alert")).toHaveText("hotkey “1” is already used by label PER");
  await expect(hotkey).toHaveAttribute("aria-invalid", "true");
  await typeInto(page, "Hotkey of relation type located_in", "l");
  await page.keyboard.press("Enter");
  await expect(type.getByRole("alert")).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Hotkey of relation type located_in")).toHaveValue("l");

  // An attribute of LOC with two options, then a second type refused the attribute's key.
  const attribute = page.getByRole("form", { name: "New attribute" });
  await attribute.getByLabel("Label").selectOption("LOC");
  await typeInto(page, "Name of new attribute", "certainty");
  await attribute.getByLabel("Kind of new attribute").selectOption("choice");
  await typeInto(page, "Options of new attribute", "low, high");
  await typeInto(page, "Hotkey of new attribute", "c");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Options of attribute certainty of LOC")).toHaveValue("low, high");
  await typeInto(page, "New relation type name", "near");
  await page.keyboard.press("Enter");
  await typeInto(page, "Hotkey of relation type near", "c");
  await page.keyboard.press("Enter");
  await expect(
    page
      .getByTestId("relation-type-row")
      .and(page.locator('[data-name="near"]'))
      .getByRole("alert"),
  ).toHaveText("hotkey “c” is already used by attribute certainty of LOC");

  // A document label set with its labels, several of which may be chosen.
  await typeInto(page, "New document label set name", "topic");
  await typeInto(page, "Labels of the new set", "military, diplomacy, humanitarian");
  await page.getByLabel("Several may be chosen").last().focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Enter");
  const labels = page.getByRole("list", { name: "Labels of topic" });
  await expect(labels.getByTestId("document-label-option")).toHaveCount(3);

  // Deleting one asks first; nothing chose it, so nothing else goes.
  await page.getByRole("button", { name: "Delete diplomacy of topic" }).focus();
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("alert").filter({ hasText: "Delete diplomacy of topic?" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Confirm" }).focus();
  await page.keyboard.press("Enter");
  await expect(labels.getByTestId("document-label-option")).toHaveText([/./, /./]);
  await expect(labels.locator('[data-name="diplomacy"]')).toHaveCount(0);
});

test("the documents list filters by a document label an annotator chose", async ({ page }) => {
  // The demo seeds alice's answers: topic military on her first two documents, not her third.
  await signIn(page, "alice@concord.test");
  await page.goto("/projects/kursk-news");
  const rows = page.locator("tbody tr");
  // Inside the search form: each row's badges are a list of "Document labels" too.
  const filter = page.getByRole("search").getByLabel("Document label");
  await expect(rows.first()).toBeVisible();
  const all = await rows.count();
  expect(all).toBeGreaterThan(2);
  await filter.selectOption({ label: "topic: military" });
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(/[?&]label=\d+/);
  for (const row of await rows.all()) {
    await expect(row.getByTestId("document-label-badge")).toContainText(["topic: military"]);
  }
  await page.reload();
  await expect(rows).toHaveCount(2);
  await filter.selectOption({ label: "Any" });
  await expect(rows).toHaveCount(all);
});
