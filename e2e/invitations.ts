import { expect, type Browser, type Page } from "@playwright/test";

/** Invites an address from the open members settings page and returns the link to pass on. */
export async function inviteMember(page: Page, email: string, role: string): Promise<string> {
  await page.getByLabel("Member email").fill(email);
  await page.getByLabel("Role of the new member").selectOption(role);
  await page.getByRole("button", { name: "Invite member" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation created" })).toContainText(
    email,
  );
  return page.getByLabel("Invitation link").inputValue();
}

/** The invitee, in a browser of their own, signs in with their account and accepts. */
export async function acceptWithAccount(browser: Browser, link: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: /^Join as / }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  await context.close();
}
