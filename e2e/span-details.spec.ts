import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { closeDatabase, openDatabase, tablesOf } from "@/db/open-database";
import { demoDatabase } from "./servers";
import {
  createAnnotatedProject,
  documentText,
  mark,
  openProjectDocument,
} from "./workspace-project";
import { dragSelect } from "./helpers";

const slug = "span-details";
const keyboardText = "Troops of North and South Korea met in Kursk. Kim Jong Un spoke.";
const mouseText = "Kim Jong Un visited South Korea in May.";

/** The project's scheme goes straight into the server's database: LOC's attributes, two sets. */
test.beforeAll(async () => {
  createAnnotatedProject({
    slug,
    labels: ["PER", "LOC"],
    documents: [
      { id: "details-keys", text: keyboardText },
      { id: "details-mouse", text: mouseText },
    ],
  });
  const db = openDatabase(demoDatabase);
  try {
    const { projects, labels, labelAttributes, documentLabelSets, documentLabelOptions } =
      tablesOf(db);
    const [project] = await db.select().from(projects).where(eq(projects.slug, slug));
    if (!project) throw new Error(`no project ${slug}`);
    const [existing] = await db
      .select()
      .from(documentLabelSets)
      .where(eq(documentLabelSets.projectId, project.id));
    // Playwright runs beforeAll again after a failed test, on the same server.
    if (existing) return;
    const projectLabels = await db.select().from(labels).where(eq(labels.projectId, project.id));
    const labelId = projectLabels.find((label) => label.name === "LOC")?.id;
    if (!labelId) throw new Error("no LOC label");
    await db.insert(labelAttributes).values([
      { labelId, name: "negated", kind: "boolean", hotkey: "x", position: 0 },
      {
        labelId,
        name: "certainty",
        kind: "choice",
        options: ["low", "high"],
        hotkey: "c",
        position: 1,
      },
    ]);
    const sets = [
      { name: "topic", multiple: true, options: { military: "m", politics: "p" } },
      { name: "stance", multiple: false, options: { neutral: "u", hostile: "h" } },
    ];
    for (const [position, { name, multiple, options }] of sets.entries()) {
      const [set] = await db
        .insert(documentLabelSets)
        .values({ projectId: project.id, name, multiple, position })
        .returning();
      if (!set) throw new Error(`set ${name} not added`);
      await db.insert(documentLabelOptions).values(
        Object.entries(options).map(([option, hotkey], at) => ({
          setId: set.id,
          name: option,
          hotkey,
          position: at,
        })),
      );
    }
  } finally {
    await closeDatabase(db);
  }
});

const details = (page: Page) => documentText(page).locator("[data-details-for]");
const undo = (page: Page) => page.keyboard.press("Control+z");
const redo = (page: Page) => page.keyboard.press("Control+Shift+z");
const saved = (page: Page) =>
  expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");

/** The middle of a phrase's third character on the screen. */
function pointInside(page: Page, phrase: string) {
  return documentText(page).evaluate((container, wanted) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at + 2);
      range.setEnd(node, at + 3);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error(`"${wanted}" is not in one piece of the text`);
  }, phrase);
}

/** Puts the keyboard cursor on a phrase with the page's find, and goes back to the text. */
async function cursorOn(page: Page, phrase: string) {
  await page.keyboard.press("/");
  const find = page.getByRole("searchbox", { name: "Find in document" });
  await find.fill(phrase);
  await find.press("Escape");
  await expect(documentText(page)).toBeFocused();
}

test("by keyboard: attributes, a note, document labels, a further piece and resizing, each undone and saved", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "details-keys");
  const menu = page.getByTestId("label-menu");

  // The moment the page shows: tag "North" as LOC and set its attributes.
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("2");
  await expect(mark(page, "North")).toHaveAttribute("data-label", "LOC");
  await page.keyboard.press("Shift+A");
  const negated = menu.getByRole("menuitemcheckbox", { name: /negated/ });
  await expect(negated).toBeFocused();
  await page.keyboard.press("x");
  await expect(negated).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("c");
  await page.keyboard.press("c");
  await expect(menu.getByRole("menuitemradio", { name: /high/ })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await expect(details(page)).toHaveAttribute("aria-label", "certainty high, negated");
  await undo(page);
  await expect(details(page)).toHaveAttribute("aria-label", "certainty low, negated");
  await redo(page);
  await expect(details(page)).toHaveAttribute("aria-label", "certainty high, negated");
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();

  // The note, typed in the menu and saved with Enter.
  await page.keyboard.press("Shift+N");
  const note = menu.getByRole("textbox", { name: "Note" });
  await expect(note).toBeFocused();
  await note.fill("check the source");
  await note.press("Enter");
  await expect(details(page)).toHaveAttribute("aria-label", "certainty high, negated, has a note");
  await page.keyboard.press("Escape");
  await undo(page);
  await expect(details(page)).toHaveAttribute("aria-label", "certainty high, negated");
  await redo(page);
  await expect(details(page)).toHaveAttribute("aria-label", /has a note/);

  // A further piece: from the focused span, the cursor picks "South Korea", Shift+F adds it.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+F");
  const entity = documentText(page).locator('[data-entity-of^="10:15:"]');
  await expect(entity).toHaveText(["North", "South Korea"]);
  await expect(entity.first()).toHaveAttribute("title", "LOC “North … South Korea”");
  await undo(page);
  await expect(entity).toHaveCount(0);
  await redo(page);
  await expect(entity).toHaveCount(2);
  const row = page.getByRole("navigation", { name: "Spans by label" }).getByRole("button");
  await expect(row.first()).toContainText("North … South Korea");
  await expect(row.first()).toContainText("certainty high, negated, has a note");

  // Resizing by keys: "Kim" grows to "Kim Jong Un", then its start moves in to "Jong Un".
  await cursorOn(page, "Kim");
  await page.keyboard.press("1");
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await expect(mark(page, "Kim Jong Un")).toHaveAttribute("data-label", "PER");
  await page.keyboard.press("Control+Alt+Shift+ArrowRight");
  await expect(mark(page, "Jong Un")).toHaveAttribute("data-focused", "true");
  await undo(page);
  await expect(mark(page, "Kim Jong Un")).toHaveCount(1);
  await redo(page);
  await expect(mark(page, "Jong Un")).toHaveCount(1);
  await undo(page);

  // Document labels: Shift+D, then an option's key.
  const labels = page.getByTestId("document-labels");
  await page.keyboard.press("Shift+D");
  await page.keyboard.press("m");
  await expect(labels.getByRole("button", { name: /military/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.keyboard.press("Shift+D");
  await page.keyboard.press("h");
  await expect(labels.getByRole("radio", { name: /hostile/ })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  const summary = page.getByTestId("document-labels-summary");
  await expect(summary).toHaveText("topic: military · stance: hostile");
  await undo(page);
  await expect(summary).toHaveText("topic: military");
  await redo(page);
  await expect(summary).toHaveText("topic: military · stance: hostile");

  await saved(page);
  await page.reload();
  await expect(details(page)).toHaveAttribute("aria-label", "certainty high, negated, has a note");
  await expect(entity).toHaveText(["North", "South Korea"]);
  await expect(mark(page, "Kim Jong Un")).toHaveAttribute("data-label", "PER");
  await expect(summary).toHaveText("topic: military · stance: hostile");
});

test("by mouse: an attribute ticked in the menu, an edge dragged, a piece removed", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "details-mouse");
  const menu = page.getByTestId("label-menu");

  await dragSelect(page, "South");
  await menu.getByRole("menuitemradio", { name: /^LOC/ }).click();
  await mark(page, "South").click();
  await menu.getByRole("menuitemcheckbox", { name: /negated/ }).click();
  await expect(details(page)).toHaveAttribute("aria-label", "negated");
  await page.keyboard.press("Escape");

  // The focused span's end handle, dragged onto "Korea".
  const handle = page.getByTestId("resize-handle-end");
  const from = await handle.boundingBox();
  const korea = await pointInside(page, "Korea");
  if (!from) throw new Error("no handle");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(korea.x, korea.y, { steps: 5 });
  await page.mouse.up();
  await expect(mark(page, "South Korea")).toHaveAttribute("data-label", "LOC");
  await expect(details(page)).toHaveAttribute("aria-label", "negated");
  await undo(page);
  await expect(mark(page, "South")).toHaveCount(1);
  await redo(page);
  await expect(mark(page, "South Korea")).toHaveCount(1);

  // A further piece, then taken off again from the menu.
  await mark(page, "South Korea").click();
  await page.keyboard.press("Escape");
  await dragSelect(page, "May");
  await page.keyboard.press("Shift+F");
  const entity = documentText(page).locator('[data-entity-of^="20:31:"]');
  await expect(entity).toHaveText(["South Korea", "May"]);
  await mark(page, "May").click();
  await menu.getByRole("menuitem", { name: "Remove piece “May”" }).click();
  await expect(entity).toHaveCount(0);
  await undo(page);
  await expect(entity).toHaveCount(2);

  // Toggled off with the mouse, undone by key.
  await mark(page, "South Korea").click();
  await menu.getByRole("menuitemcheckbox", { name: /negated/ }).click();
  await expect(details(page)).toHaveCount(0);
  await page.keyboard.press("Escape");
  await undo(page);
  await expect(details(page)).toHaveAttribute("aria-label", "negated");

  await saved(page);
  await page.reload();
  await expect(mark(page, "South Korea")).toHaveAttribute("data-label", "LOC");
  await expect(details(page)).toHaveAttribute("aria-label", "negated");
  await expect(entity).toHaveText(["South Korea", "May"]);
});
