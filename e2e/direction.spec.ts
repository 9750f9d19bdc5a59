import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import {
  addDemoMember,
  createAnnotatedProject,
  cursorText,
  documentText,
  openProjectDocument,
} from "./workspace-project";

const slug = "direction";
const arabic = "قالت الوكالة إن الوفد وصل، وأكدت وكالة AP الخبر.";
const hebrew = "הנשיא נפגש עם נציגי NATO בירושלים.";
const lines = Array.from({ length: 120 }, (_, i) => `${i + 1} the quick brown fox jumps over it.`);
// Digits are of one width, so each word sits straight above the one in the same column.
const blanks = [
  "1111 2222 3333 4444 5555",
  "",
  "6666 7777 8888 9999 0000",
  "",
  "",
  "1212 3434 5656",
];

/** Two annotators who disagree on where the agency's name ends. */
const disagreeing = [
  { annotator: "ann", status: "submitted", spans: [spanOf("AP", "ORG")] },
  { annotator: "bob", status: "submitted", spans: [spanOf("وكالة AP", "ORG")] },
];

function spanOf(piece: string, label: string) {
  const start = [...arabic.slice(0, arabic.indexOf(piece))].length;
  return { start, end: start + [...piece].length, label };
}

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels: ["ORG"],
    documents: [
      { id: "ar", text: arabic },
      { id: "he", text: hebrew, meta: { lang: "he" } },
      { id: "long", text: lines.join("\n") },
      { id: "blank-lines", text: blanks.join("\n") },
      { id: "curated-rtl", text: arabic, annotations: disagreeing },
    ],
  });
  addDemoMember(slug, "rita@concord.test", "reviewer");
  addDemoMember(slug, "admin@concord.test", "owner");
});

/** Where a piece of the document's text is drawn: the box of its first occurrence. */
function boxOf(page: Page, piece: string) {
  return documentText(page).evaluate((pane, wanted) => {
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const { left, right } = range.getBoundingClientRect();
      return { left, right };
    }
    throw new Error(`"${wanted}" is not on the page`);
  }, piece);
}

const cursorBox = async (page: Page) => {
  const box = await documentText(page).locator("[data-cursor]").first().boundingBox();
  if (!box) throw new Error("no cursor on the page");
  return box;
};

test("Arabic runs right to left, with its final period on the left and AP in its place", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "ar");
  const pane = documentText(page);
  await expect(pane).toHaveAttribute("dir", "rtl");
  expect(await pane.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");

  const period = await boxOf(page, ".");
  const lastWord = await boxOf(page, "الخبر");
  const latin = await boxOf(page, "AP");
  const before = await boxOf(page, "وكالة");
  expect(period.right).toBeLessThanOrEqual(lastWord.left + 1);
  // Read from the right: وكالة, then AP, then الخبر.
  expect(latin.left).toBeGreaterThanOrEqual(lastWord.right - 1);
  expect(before.left).toBeGreaterThanOrEqual(latin.right - 1);

  // The first word is the rightmost; ArrowLeft goes on to the next, ArrowRight comes back.
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => cursorText(page)).toBe("قالت");
  const first = await cursorBox(page);
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => cursorText(page)).toBe("الوكالة");
  const second = await cursorBox(page);
  expect(second.x + second.width).toBeLessThanOrEqual(first.x + 1);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => cursorText(page)).toBe("قالت");

  // Along the line to AP, which the cursor tags; the span list quotes it right to left too.
  for (const word of ["الوكالة", "إن", "الوفد", "وصل", "،", "وأكدت", "وكالة", "AP"]) {
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => cursorText(page)).toBe(word);
  }
  await page.keyboard.press("1");
  const listed = page.getByRole("navigation", { name: "Spans by label" }).getByRole("button");
  await expect(listed).toHaveText("AP");
  await expect(listed).toHaveAttribute("dir", "rtl");
});

test("a Hebrew document declared in its meta carries its language", async ({ page }) => {
  await openProjectDocument(page, slug, "he");
  const pane = documentText(page);
  await expect(pane).toHaveAttribute("lang", "he");
  await expect(pane).toHaveAttribute("dir", "rtl");
  const period = await boxOf(page, ".");
  expect(period.right).toBeLessThanOrEqual((await boxOf(page, "בירושלים")).left + 1);
});

test("ArrowDown keeps the cursor word in the window all the way down", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  await openProjectDocument(page, slug, "long");
  await expect(documentText(page)).toHaveAttribute("dir", "ltr");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => cursorText(page)).toBe("1");
  for (let line = 2; line <= 40; line++) {
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => cursorText(page)).toBe(String(line));
    await expect(documentText(page).locator("[data-cursor]").first()).toBeInViewport({ ratio: 1 });
  }
});

test("ArrowDown and ArrowUp pass over blank lines to the word straight below or above", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "blank-lines");
  for (const word of ["1111", "2222", "3333"]) {
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => cursorText(page)).toBe(word);
  }
  const moves = [
    ["ArrowDown", "8888"],
    ["ArrowDown", "5656"],
    ["ArrowUp", "8888"],
    ["ArrowUp", "3333"],
  ] as const;
  for (const [key, word] of moves) {
    await page.keyboard.press(key);
    await expect.poll(() => cursorText(page)).toBe(word);
  }
});

test("curation quotes an Arabic document's regions right to left, beside its gold text", async ({
  page,
}) => {
  await signIn(page, "rita@concord.test");
  await page.goto(`/projects/${slug}/review/documents`);
  await page.getByRole("link", { name: "curated-rtl" }).click();
  const region = page.getByTestId("region");
  await expect(region).toHaveCount(1);
  await expect(region.getByTitle("Show in the text")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("gold-layer").getByTestId("document-text")).toHaveAttribute(
    "dir",
    "rtl",
  );
});

test("the import preview shows each document in its own direction and language", async ({
  page,
}) => {
  await signIn(page, "admin@concord.test");
  await page.goto(`/projects/${slug}/datasets`);
  const file = [
    { id: "preview-ar", text: arabic },
    { id: "preview-he", text: hebrew, meta: { lang: "he" } },
  ].map((document) => JSON.stringify(document));
  await page.getByLabel("Files").setInputFiles({
    name: "rtl.jsonl",
    mimeType: "application/jsonl",
    buffer: Buffer.from(file.join("\n")),
  });
  await page.getByRole("button", { name: "Preview" }).click();
  const texts = page.getByTestId("import-preview").getByRole("listitem").locator("p[dir]");
  await expect(texts).toHaveCount(2);
  await expect(texts.nth(0)).toHaveAttribute("dir", "rtl");
  await expect(texts.nth(1)).toHaveAttribute("dir", "rtl");
  await expect(texts.nth(1)).toHaveAttribute("lang", "he");
});
