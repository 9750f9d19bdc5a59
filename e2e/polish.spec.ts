import { expect, test, type Page } from "@playwright/test";
import { runCli } from "./cli";
import { dragSelect, signIn } from "./helpers";
import {
  createAnnotatedProject,
  documentText,
  mark,
  openProjectDocument,
} from "./workspace-project";

// The edges a team meets in its first week: label names, highlights, numbers, empty states.
const slug = "polish";
const longLabel = "A label whose name is exactly fifty characters lon";
const text =
  "The fund paid 10,000 roubles to Anna Petrova in Kursk, and prices rose 3.5 per cent. " +
  "Officials in Kursk said the payments would go on for as long as the region needed them, " +
  "and that nobody in Kursk would be left out of the scheme however long it took to reach them.";

/** A project whose one document three annotators submitted, for the agreement heatmaps. */
const trio = "polish-trio";
const trioText = "Anna met Boris in Kursk on Monday with Clara.";
const submitted = (annotator: string, spans: { start: number; end: number; label: string }[]) => ({
  annotator,
  status: "submitted",
  spans,
});

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels: ["PER", "LOC", longLabel],
    documents: [{ id: "p1", text }],
  });
  createAnnotatedProject({
    slug: "polish-empty",
    labels: ["PER"],
    documents: [{ id: "e1", text }],
  });
  createAnnotatedProject({
    slug: trio,
    labels: ["PER", "LOC"],
    documents: [
      {
        id: "t1",
        text: trioText,
        annotations: [
          submitted("trio-a", [
            { start: 0, end: 4, label: "PER" },
            { start: 20, end: 25, label: "LOC" },
          ]),
          submitted("trio-b", [
            { start: 0, end: 4, label: "PER" },
            { start: 9, end: 14, label: "PER" },
          ]),
          submitted("trio-c", [{ start: 20, end: 25, label: "PER" }]),
        ],
      },
    ],
  });
  for (const project of [slug, "polish-empty", trio]) {
    runCli(
      "member",
      "add",
      "--project",
      project,
      "--email",
      "admin@concord.test",
      "--role",
      "owner",
    );
  }
});

/**
 * Where each of the given characters is drawn, from the text's top left corner (the header above
 * may change as the page saves).
 */
function characterBoxes(page: Page, offsets: number[]) {
  return documentText(page).evaluate((container, wanted) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    const nodes: { node: Node; start: number }[] = [];
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node, start: seen });
      seen += node.textContent?.length ?? 0;
    }
    const origin = container.getBoundingClientRect();
    return wanted.map((offset) => {
      const at = nodes.findLast((entry) => entry.start <= offset);
      if (!at) throw new Error(`no text at ${offset}`);
      const range = document.createRange();
      range.setStart(at.node, offset - at.start);
      range.setEnd(at.node, offset - at.start + 1);
      const { x, y } = range.getBoundingClientRect();
      return { x: x - origin.x, y: y - origin.y };
    });
  }, offsets);
}

test("tagging a word moves no other word, and the header counts one span", async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await openProjectDocument(page, slug, "p1");
  const after = text.indexOf("Petrova") + "Petrova".length;
  const offsets = Array.from({ length: 40 }, (_, i) => after + 1 + i * 5);
  const before = await characterBoxes(page, offsets);

  await dragSelect(page, "Petrova");
  await page.keyboard.press("1");
  await expect(mark(page, "Petrova")).toHaveCount(1);
  // Splitting the text into a mark and the rest may move glyphs by a fraction of a pixel, not more.
  const moved = (await characterBoxes(page, offsets)).map((box, i) =>
    Math.max(Math.abs(box.x - (before[i]?.x ?? 0)), Math.abs(box.y - (before[i]?.y ?? 0))),
  );
  expect(Math.max(...moved)).toBeLessThan(0.5);
  await expect(page.getByTestId("span-count")).toHaveText("1 span");
});

test("a number with separators is one word to snap to", async ({ page }) => {
  await openProjectDocument(page, slug, "p1");
  await dragSelect(page, "10");
  await page.keyboard.press("2");
  await expect(mark(page, "10,000")).toHaveCount(1);
  await dragSelect(page, "3");
  await page.keyboard.press("2");
  await expect(mark(page, "3\\.5")).toHaveCount(1);
});

test("long label names are cut with the whole name as a tooltip", async ({ page }) => {
  await openProjectDocument(page, slug, "p1");
  const legend = page.getByRole("list", { name: "Labels" }).getByRole("listitem").last();
  await expect(legend).toHaveAttribute("title", longLabel);
  const box = await legend.boundingBox();
  expect(box?.width).toBeLessThanOrEqual(12 * 16);
});

test("search matches are underlined, not filled like spans, and tag all waits for a label", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "p1");
  // A label used last must not become the one "tag all" applies.
  await dragSelect(page, "Anna");
  await page.keyboard.press("1");
  await expect(mark(page, "Anna")).toHaveCount(1);

  await page.keyboard.press("/");
  const find = page.getByRole("searchbox", { name: "Find in document" });
  await find.fill("Kursk");
  const match = documentText(page).locator("[data-match]").last();
  await expect(match).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
  await expect(match).toHaveCSS("text-decoration-line", "underline");

  await expect(page.getByLabel("Tag as")).toHaveValue("");
  const tagAll = page.getByRole("button", { name: /^Tag all 3 unannotated/ });
  await expect(tagAll).toBeDisabled();
  await page.getByLabel("Tag as").selectOption("LOC");
  await expect(tagAll).toHaveText("Tag all 3 unannotated as LOC");
  await tagAll.click();
  await expect(mark(page, "Kursk")).toHaveCount(3);
});

test("mouse users undo and redo with buttons, and the status line fades", async ({ page }) => {
  await openProjectDocument(page, slug, "p1");
  await dragSelect(page, "roubles");
  await page.keyboard.press("1");
  await expect(mark(page, "roubles")).toHaveCount(1);

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(mark(page, "roubles")).toHaveCount(0);
  const notice = page.getByTestId("notice");
  await expect(notice).toHaveText("Undone: tagged “roubles” as PER");
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(mark(page, "roubles")).toHaveCount(1);
  await expect(notice).toHaveText("Redone: tagged “roubles” as PER");
  await expect(notice).toHaveText("", { timeout: 8_000 });
});

test("labels: names have a limit, and Settings shows the hotkey the page gives", async ({
  page,
}) => {
  await signIn(page, "admin@concord.test");
  await page.goto(`/projects/${slug}/settings`);
  const newLabel = page.getByLabel("New label name");
  await newLabel.fill("X".repeat(60));
  await page.getByRole("button", { name: "Add label" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "a label name has at most 50" }),
  ).toHaveText(/label "X{20}…" is 60 characters long: a label name has at most 50/);

  // A label added here gets no stored key; the annotation page gives it the first free one.
  await newLabel.fill("EXTRA");
  await page.getByRole("button", { name: "Add label" }).click();
  await expect(page.getByLabel("Hotkey of EXTRA")).toHaveValue("4");
  await page.goto(`/projects/${slug}`);
  await page.getByRole("link", { name: "p1" }).click();
  const legend = page.getByRole("list", { name: "Labels" }).getByRole("listitem").last();
  await expect(legend).toHaveText("4EXTRA");
});

test("an agreement page without submissions says what is missing", async ({ page }) => {
  await signIn(page, "admin@concord.test");
  await page.goto("/projects/polish-empty/review");
  await expect(page.getByText("No token has been submitted by two annotators yet")).toBeVisible();
  await expect(page.getByRole("figure", { name: /Heatmap/ })).toHaveCount(0);
});

test("the kappa legend shows its ends, and O-O stays off the confusion colour scale", async ({
  page,
}) => {
  await signIn(page, "admin@concord.test");
  await page.goto(`/projects/${trio}/review`);
  const kappa = page.getByRole("figure", {
    name: "Heatmap of Cohen's kappa for each pair of annotators",
  });
  const legend = kappa.locator("svg").first();
  const ends = await legend.evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    return [...svg.querySelectorAll("text")]
      .filter((label) => /1\.0/.test(label.textContent ?? ""))
      .map((label) => {
        const drawn = label.getBoundingClientRect();
        return drawn.left >= box.left && drawn.right <= box.right;
      });
  });
  expect(ends).toEqual([true, true]);

  await expect(page.getByText("left out of the colour scale")).toBeVisible();
  const outsideBoth = page
    .getByRole("figure", { name: /Heatmap of which labels/ })
    .locator("rect", { has: page.locator("title", { hasText: /^O \/ O: / }) })
    .first();
  await expect(outsideBoth).toHaveCSS("fill", "rgb(212, 212, 216)");
});

test("an empty import file is refused, not offered as 0 documents", async ({ page }) => {
  await signIn(page, "admin@concord.test");
  await page.goto(`/projects/${slug}/datasets`);
  await page.getByLabel("Format").selectOption("jsonl");
  await page
    .getByLabel("Files")
    .setInputFiles({ name: "empty.jsonl", mimeType: "application/json", buffer: Buffer.from("") });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-preview")).toHaveText(
    "The file holds no documents: there is nothing to import.",
  );
  await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);
});
