import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { inviteMember } from "./invitations";

const settings = "/projects/kursk-news/settings";
const noLongerValid =
  "This invitation link is no longer valid — ask the project owner for a new one";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const pendingRow = (page: Page, email: string) =>
  page
    .getByRole("table", { name: "Pending invitations" })
    .getByRole("row", { name: new RegExp(email) });

test("a new e-mail is invited, sets a password by the link, and lands in the project as its role", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin@concord.test");
  await page.goto(settings);
  const link = await inviteMember(page, "nora@example.org", "reviewer");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(new URL(link).pathname).toMatch(/^\/invite\/[\w-]{43}$/);
  const pending = page.getByRole("table", { name: "Pending invitations" });
  await expect(pending.getByRole("row", { name: /nora@example.org/ })).toContainText("reviewer");
  await expect(pending.getByRole("row", { name: /nora@example.org/ })).toContainText("expires");

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(
    invitee.getByRole("heading", { name: "Join North Korean troops in Kursk" }),
  ).toBeVisible();
  await expect(invitee.getByText("You are invited as reviewer")).toBeVisible();
  await invitee.getByLabel("Name").fill("Nora");
  await invitee.getByLabel("Password").fill("nora-password");
  await invitee.getByRole("button", { name: "Join the project" }).click();
  await expect(invitee).toHaveURL(/\/projects\/kursk-news$/);
  await expect(invitee.getByTestId("signed-in-user")).toHaveText("Nora");
  // A reviewer's tabs: agreement, not settings.
  const nav = invitee.getByRole("navigation", { name: "Project" });
  await expect(nav.getByRole("link", { name: "Agreement", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);

  await invitee.goto(link);
  await expect(invitee.getByRole("alert").filter({ hasText: noLongerValid })).toBeVisible();
  await invitee.context().close();

  await page.reload();
  await expect(page.getByRole("table", { name: "Members" })).toContainText("nora@example.org");
  // Other specs may leave invitations of their own: this one's is what must be gone.
  await expect(pendingRow(page, "nora@example.org")).toHaveCount(0);
});

test("a revoked invitation's link, and a made-up one, open the same no-longer-valid page", async ({
  page,
}) => {
  await signIn(page, "admin@concord.test");
  await page.goto(settings);
  const link = await inviteMember(page, "revoked@example.org", "annotator");
  await page.getByRole("button", { name: "Revoke invitation of revoked@example.org" }).click();
  await expect(pendingRow(page, "revoked@example.org")).toHaveCount(0);
  for (const url of [link, "/invite/made-up"]) {
    const response = await page.goto(url);
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByRole("alert").filter({ hasText: noLongerValid })).toBeVisible();
  }
});
