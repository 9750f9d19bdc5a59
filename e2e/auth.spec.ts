import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers";

test("a visitor without a session is sent to sign-in, and back after signing in", async ({
  page,
}) => {
  await page.goto("/projects/kursk-news");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel("Email").fill("alice@concord.test");
  await page.getByLabel("Password").fill("concord-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects\/kursk-news$/);
  await expect(page.getByRole("heading", { name: "North Korean troops in Kursk" })).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "bob@concord.test");
  await page.getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/signin/);
});

test("the API refuses calls without a session", async ({ request }) => {
  const response = await request.get("/api/trpc/project.list");
  expect(response.status()).toBe(401);
});

test("a session cookie saved before sign-out is refused after it, by the API and by pages", async ({
  browser,
  baseURL,
}) => {
  const before = await browser.newContext({ baseURL });
  const page = await before.newPage();
  await signIn(page, "bob@concord.test");
  const saved = await before.storageState();
  expect((await before.request.get("/api/trpc/project.list")).status()).toBe(200);
  await signOut(page);

  const replayed = await browser.newContext({ baseURL, storageState: saved });
  expect((await replayed.request.get("/api/trpc/project.list")).status()).toBe(401);
  const again = await replayed.newPage();
  await again.goto("/projects");
  await expect(again).toHaveURL(/\/signin/);
  await Promise.all([before.close(), replayed.close()]);
});
