import { expect, test } from "@playwright/test";
import { runCli } from "./cli";
import { demoPassword, signIn } from "./helpers";

test("a refused sign-in keeps the email, so only the password is typed again", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("alice@concord.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Wrong email or password." }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByLabel("Email")).toHaveValue("alice@concord.test");

  await page.getByLabel("Password").fill("concord-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText("alice");
});

test("five wrong passwords lock the account for a while, even against the right one, and only that account", async ({
  page,
}) => {
  try {
    runCli(
      "user",
      "add",
      "--email",
      "locked@concord.test",
      "--name",
      "locked",
      "--password",
      demoPassword,
    );
  } catch (error) {
    if (!String(error).includes("already exists")) throw error;
  }
  const attempt = async (email: string, password: string) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  for (let i = 0; i < 5; i++) {
    await attempt("locked@concord.test", `wrong-${i}`);
    await expect(
      page.getByRole("alert").filter({ hasText: "Wrong email or password." }),
    ).toBeVisible();
  }
  await attempt("locked@concord.test", demoPassword);
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "Too many failed attempts. Try again in 15 minutes." }),
  ).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);

  await signIn(page, "bob@concord.test");
});
