import { writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { demoPassword, signIn, signOut } from "./helpers";
import { acceptWithAccount, inviteMember } from "./invitations";

// One campaign, built step by step through the browser, as a team lead would.
test.describe.configure({ mode: "serial" });

const slug = "campaign";
const documentIds = ["c-1", "c-2", "c-3"];

async function queueOf(page: Page, email: string, password?: string) {
  await signIn(page, email, password);
  await page.goto(`/projects/${slug}`);
  const links = page.getByRole("table").getByRole("link");
  await expect(links.first()).toBeVisible();
  const queue = await links.evaluateAll((anchors) =>
    anchors.map((a) => ({ name: a.textContent ?? "", href: a.getAttribute("href") ?? "" })),
  );
  await signOut(page);
  return queue;
}

test("an owner sets up a campaign: project, members, labels, guidelines, documents, assignment", async ({
  page,
  browser,
}, testInfo) => {
  await signIn(page, "admin@concord.test");

  // A third annotator, made by the site administrator.
  await page.getByRole("link", { name: "Users" }).click();
  const newUser = page.getByRole("form", { name: "New user" });
  await newUser.getByLabel("Name", { exact: true }).fill("carol");
  await newUser.getByLabel("Email").fill("carol@concord.test");
  await newUser.getByLabel("Password").fill("carol-password");
  await newUser.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("row", { name: /carol/ })).toContainText("active");

  await page.goto("/projects");
  const form = page.getByRole("form", { name: "New project" });
  await form.getByLabel("Name", { exact: true }).fill("Campaign");
  await form.getByLabel(/Short name/).fill(slug);
  await form.getByLabel(/Labels/).fill("PER, ORG");
  await form.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(`/projects/${slug}/settings`);

  // Members come by invitation: each accepts their link, signed in with their own account.
  for (const [email, role, password] of [
    ["alice@concord.test", "annotator", demoPassword],
    ["bob@concord.test", "annotator", demoPassword],
    ["carol@concord.test", "annotator", "carol-password"],
    ["rita@concord.test", "reviewer", demoPassword],
  ] as const) {
    await acceptWithAccount(browser, await inviteMember(page, email, role), password);
  }
  await page.reload();
  for (const email of ["alice", "bob", "carol", "rita"])
    await expect(page.getByRole("table", { name: "Members" })).toContainText(email);

  await page.getByLabel("New label name").fill("LOC");
  await page.getByRole("button", { name: "Add label" }).click();
  const rows = page.getByTestId("label-row");
  await expect(rows).toHaveCount(3);
  await page.getByLabel("Hotkey of LOC").fill("l");
  await page.getByLabel("Description of LOC").fill("Places: cities, regions, rivers");
  await rows
    .filter({ has: page.getByLabel("Hotkey of LOC") })
    .getByRole("button", { name: "Save" })
    .click();
  await page.getByRole("button", { name: "Move LOC up" }).click();
  await expect(rows.nth(1)).toHaveAttribute("data-label", "LOC");
  // A hotkey already taken is refused with the reason.
  await page.getByLabel("Hotkey of PER").fill("l");
  await rows.first().getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: 'hotkey "l" is already used by label "LOC"' }),
  ).toBeVisible();

  await page
    .getByLabel("Guidelines (Markdown)")
    .fill("# Rules\n\nTag **people** as PER.\n\n<script>window.hacked = true</script>");
  await page.getByRole("button", { name: "Save guidelines" }).click();
  await expect(page.getByRole("button", { name: "Save guidelines" }).locator("..")).toContainText(
    "Saved",
  );

  // Documents arrive as a JSONL upload in the browser, through the same importer as the CLI.
  const file = testInfo.outputPath("campaign.jsonl");
  writeFileSync(
    file,
    documentIds
      .map((id, i) => JSON.stringify({ id, text: `Document ${i + 1} names Ann in Paris.` }))
      .join("\n"),
  );
  await page
    .getByRole("navigation", { name: "Project" })
    .getByRole("link", { name: "Datasets" })
    .click();
  await page.getByLabel("Format").selectOption("jsonl");
  await page.getByLabel("Files").setInputFiles(file);
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Import 3 documents" }).click();
  await expect(page.getByTestId("import-result")).toContainText("Imported 3 new documents");
  await page.goto(`/projects/${slug}/settings`);

  await page.reload();
  await page.getByLabel("Annotators per document").last().fill("2");
  await page.getByRole("button", { name: "Assign documents" }).click();
  await expect(page.getByRole("status")).toHaveText(
    /Assigned 3 documents to 3 annotators \(6 assignments\)/,
  );
});

test("each annotator sees only their own queue, and together they cover every document twice", async ({
  page,
}) => {
  const queues = [
    await queueOf(page, "alice@concord.test"),
    await queueOf(page, "bob@concord.test"),
    await queueOf(page, "carol@concord.test", "carol-password"),
  ];
  for (const queue of queues) expect(queue).toHaveLength(2);
  for (const id of documentIds) {
    expect(queues.filter((queue) => queue.some((document) => document.name === id))).toHaveLength(
      2,
    );
  }

  // The server enforces the queue too: a document handed to others is not alice's to open.
  const alices = queues[0] ?? [];
  const notHers = queues
    .flat()
    .find((document) => !alices.some((mine) => mine.href === document.href));
  await signIn(page, "alice@concord.test");
  const refused = await page.goto(notHers?.href ?? "/");
  expect(refused?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("guidelines are one key away from a document, rendered as Markdown, never as raw HTML", async ({
  page,
}) => {
  await signIn(page, "alice@concord.test");
  await page.goto(`/projects/${slug}`);
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByTestId("document-text")).toBeVisible();
  const [guidelines] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("g")]);
  await expect(guidelines.getByRole("heading", { name: "Rules" })).toBeVisible();
  await page.goto(`/projects/${slug}/guidelines`);
  await expect(page.getByRole("heading", { name: "Rules" })).toBeVisible();
  await expect(page.locator("strong", { hasText: "people" })).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { hacked?: boolean }).hacked),
  ).toBeUndefined();
  await expect(page.getByText("Places: cities, regions, rivers")).toBeVisible();
});

test("blind annotation hides others' progress from annotators until the owner turns it off", async ({
  page,
}) => {
  await signIn(page, "alice@concord.test");
  await page.goto(`/projects/${slug}/progress`);
  await expect(page.getByRole("alert").filter({ hasText: "blind annotation" })).toBeVisible();
  await signOut(page);

  await signIn(page, "rita@concord.test");
  await page.goto(`/projects/${slug}/progress`);
  await expect(page.getByRole("table", { name: "Progress per annotator" })).toContainText("carol");
  await signOut(page);

  await signIn(page, "admin@concord.test");
  await page.goto(`/projects/${slug}/settings`);
  await page.getByLabel(/Blind annotation/).uncheck();
  await page.getByRole("button", { name: "Save project settings" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await signOut(page);

  await signIn(page, "alice@concord.test");
  await page.goto(`/projects/${slug}/progress`);
  await expect(page.getByRole("table", { name: "Progress per annotator" })).toContainText("bob");
});

test("deleting a label that has spans says how many it removes, and asks first", async ({
  page,
}) => {
  await signIn(page, "admin@concord.test");
  await page.goto("/projects/kursk-news/settings");
  const gpe = page.getByTestId("label-row").filter({ has: page.getByLabel("Name of GPE") });
  await gpe.getByRole("button", { name: "Delete" }).click();
  const confirmation = gpe.getByRole("alert");
  await expect(confirmation).toHaveText(/Delete GPE and its \d+ spans\?/);
  await confirmation.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("label-row")).toHaveCount(6);

  // Renaming keeps the spans: the annotation page shows them under the new name.
  await page.getByLabel("Name of GPE").fill("COUNTRY");
  await gpe.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Name of COUNTRY")).toBeVisible();
  await signOut(page);
  await signIn(page, "alice@concord.test");
  await page.goto("/projects/kursk-news");
  await page.getByRole("link", { name: "000_6ecfb38a1ffcf2f8" }).click();
  await expect(
    page.getByTestId("document-text").locator('mark[data-label="COUNTRY"]').first(),
  ).toBeVisible();
});

test("an owner can hand a document to an annotator by hand", async ({ page }) => {
  const before = await queueOf(page, "alice@concord.test");
  const missing = documentIds.find((id) => !before.some((document) => document.name === id)) ?? "";
  await signIn(page, "admin@concord.test");
  await page.goto(`/projects/${slug}/settings`);
  await page.getByText("Assign by hand").click();
  await expect(
    page.getByRole("table", { name: "Assignments" }).getByRole("checkbox", { checked: true }),
  ).toHaveCount(6);
  await page.getByLabel(`${missing} to alice`).check();
  await expect(page.getByLabel(`${missing} to alice`)).toBeChecked();
  await signOut(page);
  const after = await queueOf(page, "alice@concord.test");
  expect(after.map((document) => document.name).sort()).toEqual(
    [...before.map((d) => d.name), missing].sort(),
  );
});
