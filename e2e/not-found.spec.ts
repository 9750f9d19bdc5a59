import { expect, test } from "@playwright/test";
import { runCli } from "./cli";
import { signIn } from "./helpers";
import { createAnnotatedProject } from "./workspace-project";

// Two projects, and an annotator of the first who also joins the second.
const home = "lost-home";
const elsewhere = "lost-elsewhere";

test.beforeAll(() => {
  createAnnotatedProject({ slug: home, labels: ["PER"], documents: [{ id: "h1", text: "Ada." }] });
  createAnnotatedProject({
    slug: elsewhere,
    labels: ["PER"],
    documents: [{ id: "e1", text: "Bo." }],
  });
  const email = `${home}@concord.test`;
  runCli("member", "add", "--project", elsewhere, "--email", email, "--role", "annotator");
});

test("a document that does not exist is a 404 page with a way back to its project", async ({
  page,
}) => {
  await signIn(page, `${home}@concord.test`);
  const response = await page.goto(`/projects/${home}/documents/99999`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the project" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${home}$`));
  await expect(page.getByRole("link", { name: "h1" })).toBeVisible();
});

test("a document is found only under its own project's address", async ({ page }) => {
  await signIn(page, `${home}@concord.test`);
  await page.goto(`/projects/${home}`);
  const href = (await page.getByRole("link", { name: "h1" }).getAttribute("href")) ?? "";
  const id = /\/documents\/(\d+)$/.exec(href)?.[1];
  expect(id).toBeTruthy();

  expect((await page.goto(`/projects/${home}/documents/${id}`))?.status()).toBe(200);
  const misplaced = await page.goto(`/projects/${elsewhere}/documents/${id}`);
  expect(misplaced?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("a document of a project the member is not in is a 404 page, like one that never was", async ({
  page,
}) => {
  await signIn(page, `${elsewhere}@concord.test`);
  await page.goto(`/projects/${elsewhere}`);
  const href = (await page.getByRole("link", { name: "e1" }).getAttribute("href")) ?? "";
  const id = Number(/\/documents\/(\d+)$/.exec(href)?.[1]);
  // The home project's document was imported just before this project's.
  const response = await page.goto(`/projects/${home}/documents/${id - 1}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "All projects" })).toBeVisible();
});

test("every page of a project that does not exist, or is not the member's, is a 404", async ({
  page,
}) => {
  await signIn(page, `${elsewhere}@concord.test`);
  for (const address of [
    "/projects/no-such-project",
    "/projects/no-such-project/settings",
    `/projects/${home}`,
    `/projects/${home}/datasets`,
  ]) {
    expect((await page.goto(address))?.status(), address).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  expect((await page.goto(`/projects/${elsewhere}`))?.status()).toBe(200);
});

test("an address that leads nowhere is a 404 page with a way to the projects", async ({ page }) => {
  await signIn(page, `${home}@concord.test`);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "All projects" }).click();
  await expect(page).toHaveURL(/\/projects$/);
});

test("the site has an icon", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/");
  expect((await response.body()).length).toBeGreaterThan(0);
});
