import { expect, test, type Page } from "@playwright/test";
import { runCli } from "./cli";
import { signIn, signOut } from "./helpers";

// What each member of the demo project may use, as the README promises (blind annotation is on).
const project = "/projects/kursk-news";
const allTabs = [
  "Documents",
  "Guidelines",
  "Progress",
  "Agreement",
  "Disagreements",
  "Datasets",
  "Settings",
];
const reviewerTabs = allTabs.filter((tab) => tab !== "Settings");
const annotatorTabs = ["Documents", "Guidelines", "Datasets"];
const pages: Record<string, string> = {
  Documents: "",
  Guidelines: "/guidelines",
  Progress: "/progress",
  Agreement: "/review",
  Disagreements: "/review/documents",
  Datasets: "/datasets",
  Settings: "/settings",
};

const tabsOf = (page: Page) => page.getByRole("navigation", { name: "Project" }).getByRole("link");

async function expectForbidden(page: Page, path: string, name: string, reason: RegExp) {
  await page.goto(`${project}${path}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`You cannot open ${name}`);
  await expect(page.getByRole("alert").filter({ hasText: reason })).toBeVisible();
}

for (const [email, tabs] of [
  ["admin@concord.test", allTabs],
  ["rita@concord.test", reviewerTabs],
  ["bob@concord.test", annotatorTabs],
] as const) {
  test(`${email.split("@")[0]} sees the same tabs on every page they may open`, async ({
    page,
  }) => {
    await signIn(page, email);
    for (const tab of tabs) {
      await page.goto(`${project}${pages[tab]}`);
      await expect(tabsOf(page)).toHaveText(tabs);
      await expect(tabsOf(page).and(page.locator("[aria-current=page]"))).toHaveText(tab);
    }
  });
}

test("a reviewer has no Settings to edit, and by URL is told that only owners change them", async ({
  page,
}) => {
  await signIn(page, "rita@concord.test");
  await expectForbidden(page, "/settings", "Settings", /^only the project's owners can change/);
  await expect(page.getByRole("button", { name: "Save project settings" })).toHaveCount(0);
  await expect(tabsOf(page)).toHaveText(reviewerTabs);
  await page.getByRole("link", { name: /^Back to / }).click();
  await expect(page).toHaveURL(project);
  await expect(page.getByRole("table")).toBeVisible();
});

test("an annotator opening pages they may not use by URL gets a forbidden page and a way back", async ({
  page,
}) => {
  await signIn(page, "bob@concord.test");
  await expectForbidden(page, "/settings", "Settings", /^only the project's owners/);
  await expect(page.getByRole("button", { name: "Save project settings" })).toHaveCount(0);
  await expectForbidden(page, "/progress", "Progress", /blind annotation/);
  await expectForbidden(page, "/review", "Agreement", /only reviewers and owners/);
  await expectForbidden(page, "/review/documents", "Disagreements", /only reviewers and owners/);
  await expect(tabsOf(page)).toHaveText(annotatorTabs);
  await page.getByRole("link", { name: /^Back to / }).click();
  await expect(page).toHaveURL(project);
});

test("an annotator sees Progress once the owner turns blind annotation off", async ({ page }) => {
  const slug = "roles-open";
  runCli("project", "create", "--slug", slug, "--name", "Open", "--labels", "PER");
  runCli("member", "add", "--project", slug, "--email", "admin@concord.test", "--role", "owner");
  runCli(
    "member",
    "add",
    "--project",
    slug,
    "--email",
    "alice@concord.test",
    "--role",
    "annotator",
  );

  await signIn(page, "alice@concord.test");
  await page.goto(`/projects/${slug}`);
  await expect(tabsOf(page)).toHaveText(annotatorTabs);
  await signOut(page);

  await signIn(page, "admin@concord.test");
  await page.goto(`/projects/${slug}/settings`);
  await page.getByLabel(/^Blind annotation/).uncheck();
  await page.getByRole("button", { name: "Save project settings" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await signOut(page);

  await signIn(page, "alice@concord.test");
  await page.goto(`/projects/${slug}`);
  await expect(tabsOf(page)).toHaveText(["Documents", "Guidelines", "Progress", "Datasets"]);
  await tabsOf(page).getByText("Progress").click();
  await expect(page.getByRole("table", { name: "Progress per annotator" })).toBeVisible();
  await expect(tabsOf(page)).toHaveText(["Documents", "Guidelines", "Progress", "Datasets"]);
});
