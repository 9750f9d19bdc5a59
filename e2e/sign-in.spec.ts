import { expect, test } from "@playwright/test";

test("a refused sign-in keeps the email, so only the password is typed again", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("alice@concord.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Wrong email or password." }),
  ).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("alice@concord.test");

  await page.getByLabel("Password").fill("concord-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText("alice");
});
