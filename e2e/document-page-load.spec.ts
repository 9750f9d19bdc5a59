import { expect, test, type Page } from "@playwright/test";
import { dragSelect, signIn } from "./helpers";
import { createAnnotatedProject, mark } from "./workspace-project";

const slug = "first-moments";
const text =
  "Marta Kowalski reached Gdansk at dawn.\nThe harbour master, Tomas Berg, met her at the quay.";

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels: ["PER", "LOC"],
    documents: ["m1", "m2", "m3"].map((id) => ({ id, text })),
  });
});

/** The address of one of the project's documents, read from its list as the annotator sees it. */
async function documentAddress(page: Page, name: string) {
  await signIn(page, `${slug}@concord.test`);
  await page.goto(`/projects/${slug}`);
  const href = await page.getByRole("link", { name }).getAttribute("href");
  expect(href).toMatch(/\/documents\/\d+$/);
  return href ?? "";
}

/**
 * Opens the page the way a slow machine on a slow line gets it: the CPU throttled 4x, and the
 * page's scripts arriving a second after its HTML. Returns once the text is painted.
 */
async function openSlowly(page: Page, address: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  await page.goto(address, { waitUntil: "commit" });
  return cdp;
}

/**
 * The middle of `word`'s first letter on screen, found in the first frame that shows it: no
 * waiting for the network or the page's scripts.
 */
async function whereWordShows(page: Page, word: string) {
  const handle = await page.waitForFunction(
    (wanted) => {
      const container = document.querySelector('[data-testid="document-text"]');
      if (!container) return null;
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    },
    word,
    { polling: "raf" },
  );
  const point = await handle.jsonValue();
  if (!point) throw new Error(`"${word}" never showed`);
  return point;
}

test("the first HTML of a document page already holds its text", async ({ page }) => {
  const address = await documentAddress(page, "m1");
  // The page's own request, with the session cookie and no script run.
  const response = await page.request.get(address);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain("Marta Kowalski reached Gdansk at dawn.");
  expect(html).toContain("The harbour master, Tomas Berg, met her at the quay.");
});

test("a word double-clicked and tagged the moment the text shows is tagged, on a slow machine", async ({
  page,
}) => {
  const address = await documentAddress(page, "m2");
  const cdp = await openSlowly(page, address);
  const word = await whereWordShows(page, "Gdansk");
  await page.mouse.dblclick(word.x, word.y);
  await page.keyboard.press("2");

  await expect(mark(page, "Gdansk")).toHaveAttribute("data-label", "LOC");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await page.unrouteAll();
  await page.reload();
  await expect(mark(page, "Gdansk")).toHaveAttribute("data-label", "LOC");
});
test("a span clicked and relabelled the moment the text shows is relabelled", async ({ page }) => {
  const address = await documentAddress(page, "m3");
  await page.goto(address);
  await dragSelect(page, "Tomas Berg");
  await page.keyboard.press("1");
  await expect(mark(page, "Tomas Berg")).toHaveAttribute("data-label", "PER");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");

  await openSlowly(page, address);
  const span = await whereWordShows(page, "Tomas");
  await page.mouse.click(span.x, span.y);
  await page.keyboard.press("2");
  await expect(mark(page, "Tomas Berg")).toHaveAttribute("data-label", "LOC");
});
