import { expect, test } from "@playwright/test";
import { emptyServer } from "./servers";

test.use({ baseURL: emptyServer });

test("an empty database asks for the first administrator, then only for sign-in", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Name").fill("Grace");
  await page.getByLabel("Email").fill("grace@example.org");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create administrator" }).click();
  // The browser's own minlength check keeps a too-short password from being sent.
  await expect(page).toHaveURL(/\/setup$/);

  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByTestId("signed-in-user")).toHaveText("Grace");
  await expect(page.getByText("You are not a member of any project yet.")).toBeVisible();

  await page.goto("/setup");
  await expect(page).toHaveURL(/\/signin$/);
});
