import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { demoDatabase } from "./servers";
import {
  createAnnotatedProject,
  documentText,
  mark,
  openProjectDocument,
} from "./workspace-project";

const slug = "relations";
const text = "Kim Jong Un visited Kursk with Moon.";

/**
 * The project's relation types, written straight into the seeded server's database as the
 * scheme's own tests do: located_in (PER → LOC only), mentions (any labels), met (undirected).
 */
function addRelationTypes() {
  const script = `
    import { eq } from "drizzle-orm";
    import { closeDatabase, openDatabase, tablesOf } from "@/db/open-database";
    import { addRelationType } from "@/server/test-support/scheme";
    const db = openDatabase(${JSON.stringify(demoDatabase)});
    const { labels, projects, relationTypes } = tablesOf(db);
    const [project] = await db.select().from(projects).where(eq(projects.slug, ${JSON.stringify(slug)}));
    if (!project) throw new Error("no project");
    const existing = await db.select().from(relationTypes).where(eq(relationTypes.projectId, project.id));
    if (existing.length === 0) {
      const rows = await db.select().from(labels).where(eq(labels.projectId, project.id));
      const id = (name: string) => rows.find((label) => label.name === name)?.id ?? 0;
      await addRelationType(db, project.id, { name: "located_in", hotkey: "i", color: "#1f77b4", directed: true, sourceLabelIds: [id("PER")], targetLabelIds: [id("LOC")] });
      await addRelationType(db, project.id, { name: "mentions", hotkey: "o", color: "#d62728", directed: true });
      await addRelationType(db, project.id, { name: "met", hotkey: "u", color: "#2ca02c", directed: false, sourceLabelIds: [id("PER")], targetLabelIds: [id("PER")] });
    }
    await closeDatabase(db);
  `;
  execFileSync("node_modules/.bin/tsx", ["--eval", script], { encoding: "utf8" });
}

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels: ["PER", "LOC"],
    documents: [
      { id: "r1", text },
      { id: "r2", text },
      { id: "r3", text },
      { id: "r4", text },
    ],
  });
  addRelationTypes();
});

const arcs = (page: Page) => documentText(page).locator("[data-relation-arc]");
const arc = (page: Page, name: string) => arcs(page).and(page.getByRole("img", { name }));
const rows = (page: Page) => page.locator("[data-relation-row]");
const announcement = (page: Page) => page.getByTestId("announcement");

/** Tags “Kim Jong Un” as PER and “Kursk” as LOC from the keyboard; Kursk keeps the focus. */
async function tagKimAndKursk(page: Page) {
  for (const key of ["ArrowRight", "Shift+ArrowRight", "Shift+ArrowRight", "1"]) {
    await page.keyboard.press(key);
  }
  for (const key of ["ArrowRight", "ArrowRight", "2"]) await page.keyboard.press(key);
  await expect(mark(page, "Kim Jong Un")).toHaveAttribute("data-label", "PER");
  await expect(mark(page, "Kursk")).toHaveAttribute("data-label", "LOC");
}

async function reloadWhenSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.reload();
  await expect(documentText(page)).toBeFocused();
}

test("a relation made by keyboard is drawn, listed and saved, and reverses, undoes, redoes and deletes", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "r1");
  await tagKimAndKursk(page);
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+R");
  await expect(announcement(page)).toContainText("Relating from PER “Kim Jong Un”");
  await expect(documentText(page).locator('[data-relation-end="pending"]')).toHaveCount(1);
  await page.keyboard.press("Tab");
  await page.keyboard.press("o");

  const forward = "“Kim Jong Un” — mentions → “Kursk”";
  const backward = "“Kursk” — mentions → “Kim Jong Un”";
  await expect(arc(page, forward)).toHaveCount(1);
  await expect(arc(page, forward)).toHaveAttribute("data-relation-type", "mentions");
  await expect(rows(page)).toHaveText([forward]);
  await expect(documentText(page).locator('[data-relation-end="pending"]')).toHaveCount(0);

  await reloadWhenSaved(page);
  await expect(arc(page, forward)).toHaveCount(1);

  // Focusing its row lights up both of its spans in the text.
  await rows(page).first().focus();
  await expect(documentText(page).locator('[data-relation-end="highlight"]')).toHaveCount(2);
  await page.keyboard.press("r");
  await expect(rows(page)).toHaveText([backward]);
  await expect(arc(page, backward)).toHaveCount(1);

  await documentText(page).focus();
  await page.keyboard.press("Control+z");
  await expect(rows(page)).toHaveText([forward]);
  await page.keyboard.press("Control+Shift+z");
  await expect(rows(page)).toHaveText([backward]);

  await rows(page).first().focus();
  await page.keyboard.press("Delete");
  await expect(rows(page)).toHaveCount(0);
  await expect(arcs(page)).toHaveCount(0);
  await reloadWhenSaved(page);
  await expect(arcs(page)).toHaveCount(0);
  await expect(mark(page, "Kursk")).toHaveCount(1);
});

test("Escape lets go of a pending relation, and a type the labels forbid is refused with the reason", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "r2");
  await tagKimAndKursk(page);
  await page.keyboard.press("Shift+R");
  await page.keyboard.press("Escape");
  await expect(announcement(page)).toHaveText("Relation cancelled");

  // From the LOC to the PER: located_in only goes from a PER to a LOC.
  await page.keyboard.press("Shift+R");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("i");
  await expect(page.getByRole("alert")).toContainText("located_in");
  await expect(arcs(page)).toHaveCount(0);

  // Enter offers only the types these two labels allow.
  await page.keyboard.press("Enter");
  const menu = page.getByTestId("relation-menu");
  await expect(menu.getByRole("menuitemradio")).toHaveText([/^mentions →/]);
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
});

test("dragging from the focused span to another one relates them by the type picked", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "r3");
  await tagKimAndKursk(page);
  await mark(page, "Kim Jong Un").click();
  await page.keyboard.press("Escape");
  const from = await mark(page, "Kim Jong Un").boundingBox();
  const to = await mark(page, "Kursk").boundingBox();
  if (!from || !to) throw new Error("the spans are not on the screen");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await expect(page.getByTestId("relation-rubber-band")).toHaveAttribute("data-dragging", "true");
  await page.mouse.up();
  const menu = page.getByTestId("relation-menu");
  await expect(menu.getByRole("menuitemradio")).toHaveText([/^located_in →/, /^mentions →/]);
  await menu.getByRole("menuitemradio", { name: "located_in" }).click();
  await expect(arc(page, "“Kim Jong Un” — located_in → “Kursk”")).toHaveCount(1);
  await expect(page.getByTestId("relation-rubber-band")).not.toHaveAttribute("data-dragging");
});

test("deleting a span with relations asks first, and undo brings back the span and its relation", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "r4");
  await tagKimAndKursk(page);
  await page.keyboard.press("Shift+R");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("o");
  await expect(arcs(page)).toHaveCount(1);

  // By keyboard: the span focused is Kim Jong Un; Escape keeps it.
  await page.keyboard.press("Delete");
  const question = page.getByTestId("delete-confirmation");
  await expect(question).toContainText("Delete PER “Kim Jong Un” and its relation?");
  await page.keyboard.press("Escape");
  await expect(question).not.toBeVisible();
  await expect(mark(page, "Kim Jong Un")).toHaveCount(1);

  // By mouse, through the span's menu.
  await mark(page, "Kursk").click();
  await page.getByTestId("label-menu").getByRole("menuitem", { name: "Delete span" }).click();
  await expect(question).toContainText("Delete LOC “Kursk” and its relation?");
  await question.getByRole("button", { name: "Delete" }).click();
  await expect(mark(page, "Kursk")).toHaveCount(0);
  await expect(arcs(page)).toHaveCount(0);
  await expect(rows(page)).toHaveCount(0);

  await page.keyboard.press("Control+z");
  await expect(mark(page, "Kursk")).toHaveCount(1);
  await expect(rows(page)).toHaveText(["“Kursk” — mentions → “Kim Jong Un”"]);
  await reloadWhenSaved(page);
  await expect(arcs(page)).toHaveCount(1);
});
