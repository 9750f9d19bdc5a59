import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { contrastRatio, type Rgb } from "@/domain/contrast";
import { runCli } from "./cli";
import { signIn } from "./helpers";
import { inviteMember } from "./invitations";
import { emptyServer } from "./servers";
import {
  createAnnotatedProject,
  cursorText,
  documentText,
  openProjectDocument,
} from "./workspace-project";

// Every page, as every kind of visitor who can open it, in both colour schemes. The demo project's
// members: admin (owner and site administrator), rita (reviewer), alice (annotator).
const project = "/projects/kursk-news";
const fixtures = "e2e/fixtures/datasets";
const schemes = ["light", "dark"] as const;
const reported = new Set(["moderate", "serious", "critical"]);

// A project of three annotators who disagree, for the kappa heatmap (the demo has two), whose own
// annotator has a span on "Paris" and none on "Ana".
const slug = "axe-three";
const text = "Ana met Bob in Paris.";
const span = (phrase: string, label: string) => {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, label };
};

test.beforeAll(() => {
  const submitted = (annotator: string, label: string) => ({
    annotator,
    status: "submitted",
    spans: [span("Ana", "PER"), span("Paris", label)],
  });
  const annotations = [
    { annotator: slug, status: "in_progress", spans: [span("Paris", "LOC")] },
    submitted("ann", "LOC"),
    submitted("ben", "PER"),
    submitted("cai", "LOC"),
  ];
  createAnnotatedProject({
    slug,
    labels: ["PER", "LOC"],
    documents: [{ id: "c1", text, annotations }],
  });
  runCli("member", "add", "--project", slug, "--email", "rita@concord.test", "--role", "reviewer");
});

// Each test walks a dozen pages, and axe takes a few seconds on each in each scheme.
test.describe.configure({ timeout: 240_000 });

/** Waits until the page shows its data: no "Loading…" left, nothing in flight. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect(page.getByText("Loading…")).toHaveCount(0);
}

/**
 * The moderate, serious and critical axe-core violations of the page as it is now, in both colour
 * schemes, one line per page, scheme and rule with the first few elements ("agreement (dark): color-contrast ×3 .a,.b,.c").
 */
async function audit(page: Page, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    for (const violation of results.violations) {
      if (!reported.has(violation.impact ?? "")) continue;
      const where = violation.nodes.slice(0, 3).map((node) => node.target.join(" "));
      found.push(`${name} (${colorScheme}): ${violation.id} ×${violation.nodes.length} ${where}`);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  return found;
}

/** Opens each path in turn and audits it; returns every violation on the way. */
async function auditPaths(page: Page, paths: Record<string, string>): Promise<string[]> {
  const found: string[] = [];
  for (const [name, path] of Object.entries(paths)) {
    await page.goto(path);
    await settle(page);
    found.push(...(await audit(page, name)));
  }
  return found;
}

/** The address of the first link in `scope`, from the page the member sees. */
async function firstHref(scope: Locator): Promise<string> {
  const href = await scope.getByRole("link").first().getAttribute("href");
  expect(href).toBeTruthy();
  return href ?? "";
}

async function documentPath(page: Page) {
  await page.goto(project);
  return firstHref(page.getByRole("table"));
}

async function curationPath(page: Page) {
  await page.goto(`${project}/review/documents`);
  return firstHref(page.getByRole("list", { name: "Documents by agreement" }));
}

/** The annotation page, with the keyboard cursor on a word, then (for annotators) the label menu. */
async function auditAnnotating(page: Page, path: string, annotates: boolean): Promise<string[]> {
  await page.goto(path);
  await settle(page);
  const found = await audit(page, "document");
  await page.getByTestId("document-text").focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("document-text").locator("[data-cursor]").first()).toBeVisible();
  found.push(...(await audit(page, "document, word cursor")));
  if (!annotates) return found;
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu", { name: "Tag selection" })).toBeVisible();
  found.push(...(await audit(page, "document, label menu")));
  return found;
}

test("signed out: sign-in, first-run set-up, invitations and a missing page", async ({
  page,
  browser,
}) => {
  const found = await auditPaths(page, {
    "sign-in": "/signin",
    "not found": "/no-such-page",
    "invitation, made-up link": "/invite/no-such-token",
    "set-up": `${emptyServer}/setup`,
  });

  const owner = await browser.newPage();
  await signIn(owner, "admin@concord.test");
  await owner.goto(`${project}/settings`);
  const link = await inviteMember(owner, `axe-${Date.now()}@example.org`, "annotator");
  await owner.close();
  found.push(...(await auditPaths(page, { "invitation, new account": link })));
  expect(found).toEqual([]);
});

test("owner and site administrator: every page", async ({ page }) => {
  await signIn(page, "admin@concord.test");
  const found = await auditPaths(page, {
    projects: "/projects",
    documents: project,
    guidelines: `${project}/guidelines`,
    progress: `${project}/progress`,
    agreement: `${project}/review`,
    disagreements: `${project}/review/documents`,
    settings: `${project}/settings`,
    users: "/admin/users",
    "project page not found": `${project}/documents/999999`,
    "sign-out": "/signout",
  });
  found.push(...(await auditPaths(page, { curation: await curationPath(page) })));
  found.push(...(await auditAnnotating(page, await documentPath(page), true)));

  await page.goto(`${project}/datasets`);
  await settle(page);
  found.push(...(await audit(page, "datasets")));
  await page.getByLabel(/^Format/).selectOption("brat");
  await page
    .getByLabel("Files")
    .setInputFiles([`${fixtures}/briefing.txt`, `${fixtures}/briefing.ann`]);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-preview").locator("mark").first()).toBeVisible();
  found.push(...(await audit(page, "datasets, import preview")));
  expect(found).toEqual([]);
});

test("reviewer: every page they may open, and the ones they may not", async ({ page }) => {
  await signIn(page, "rita@concord.test");
  const found = await auditPaths(page, {
    projects: "/projects",
    documents: project,
    guidelines: `${project}/guidelines`,
    progress: `${project}/progress`,
    agreement: `${project}/review`,
    disagreements: `${project}/review/documents`,
    datasets: `${project}/datasets`,
    "settings, forbidden": `${project}/settings`,
    "users, forbidden": "/admin/users",
  });
  found.push(...(await auditPaths(page, { curation: await curationPath(page) })));
  found.push(...(await auditAnnotating(page, await documentPath(page), false)));
  await page.goto(`/projects/${slug}/review`);
  await expect(
    page.getByRole("figure", { name: /^Heatmap of Cohen's kappa/ }).first(),
  ).toBeVisible();
  found.push(...(await audit(page, "agreement, three annotators")));
  expect(found).toEqual([]);
});

test("annotator: every page they may open, and the ones they may not", async ({ page }) => {
  await signIn(page, "alice@concord.test");
  const found = await auditPaths(page, {
    projects: "/projects",
    documents: project,
    guidelines: `${project}/guidelines`,
    datasets: `${project}/datasets`,
    "progress, forbidden": `${project}/progress`,
    "agreement, forbidden": `${project}/review`,
    "disagreements, forbidden": `${project}/review/documents`,
    "settings, forbidden": `${project}/settings`,
    "users, forbidden": "/admin/users",
  });
  const document = await documentPath(page);
  const curation = document.replace("/documents/", "/review/documents/");
  found.push(...(await auditPaths(page, { "curation, forbidden": curation })));
  found.push(...(await auditAnnotating(page, document, true)));
  expect(found).toEqual([]);
});

/**
 * What an element is drawn in, as sRGB: its text and outline colours, the first opaque background
 * behind its text (its own or an ancestor's) and behind its outline (an ancestor's). A canvas turns
 * any CSS colour (Tailwind's are oklch) into channels.
 */
async function drawnColors(locator: Locator) {
  return locator.evaluate((element) => {
    const context = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    if (!context) throw new Error("no 2D canvas");
    const channels = (color: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, alpha = 0] = context.getImageData(0, 0, 1, 1).data;
      return { rgb: [r, g, b] as const, opaque: alpha === 255 };
    };
    const backgroundFrom = (start: Element | null) => {
      for (let node = start; node; node = node.parentElement) {
        const fill = channels(getComputedStyle(node).backgroundColor);
        if (fill.opaque) return fill.rgb;
      }
      return channels("white").rgb;
    };
    const style = getComputedStyle(element);
    return {
      text: channels(style.color).rgb,
      background: backgroundFrom(element),
      outline: channels(style.outlineColor).rgb,
      outlineBackground: backgroundFrom(element.parentElement),
    };
  });
}

/** "Ana (dark): text 1.1:1" when below `minimum`, else null. */
function shortfall(what: string, a: Rgb, b: Rgb, minimum: number): string | null {
  const ratio = contrastRatio(a, b);
  return ratio >= minimum ? null : `${what}: ${ratio.toFixed(1)}:1, under ${minimum}:1`;
}

// axe does not see these: the keyboard cursor and focus outlines are drawn only on focus, and
// its colour checks skip outlines. Text needs 4.5:1 and an outline 3:1 (WCAG 1.4.3, 1.4.11).
test("the word under the keyboard cursor stays readable, and focus outlines stand out, in both schemes", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "c1");
  const cursor = documentText(page).locator("[data-cursor]").first();
  const problems: (string | null)[] = [];
  const measure = async (what: string, element: Locator, hasText: boolean) => {
    for (const colorScheme of schemes) {
      await page.emulateMedia({ colorScheme });
      const colors = await drawnColors(element);
      const where = `${what} (${colorScheme})`;
      if (hasText) problems.push(shortfall(`${where} text`, colors.text, colors.background, 4.5));
      problems.push(shortfall(`${where} outline`, colors.outline, colors.outlineBackground, 3));
    }
  };
  await measure("document text", documentText(page), false);
  await page.keyboard.press("ArrowRight");
  await expect(cursor).toHaveText("Ana");
  await measure("cursor on plain text", cursor, true);
  for (let i = 0; i < 5 && (await cursorText(page)) !== "Paris"; i++) {
    await page.keyboard.press("ArrowRight");
  }
  expect(await cursorText(page)).toBe("Paris");
  await expect(cursor).toHaveJSProperty("tagName", "MARK");
  await measure("cursor on a span", cursor, true);

  await page.goto("/projects");
  await page.keyboard.press("Tab");
  await measure("focused link", page.locator(":focus"), true);
  expect(problems.filter(Boolean)).toEqual([]);
});
