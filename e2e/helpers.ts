import { expect, type Page } from "@playwright/test";

export const demoPassword = "concord-demo";

export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Demo accounts are named after their email's local part.
  await expect(page.getByTestId("signed-in-user")).toHaveText(email.split("@")[0] ?? "");
}

export async function signOut(page: Page) {
  await page.goto("/signout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
}

/**
 * Selects `phrase` in the document text with a real mouse drag, from its first character to its
 * last, the way a person would.
 */
export async function dragSelect(page: Page, phrase: string) {
  const box = await page.getByTestId("document-text").evaluate((container, wanted) => {
    const text = container.textContent ?? "";
    const at = text.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the document`);
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    const locate = (offset: number) => {
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (offset < seen + length) return { node, offset: offset - seen };
        seen += length;
      }
      throw new Error("offset past the text");
    };
    const rectOf = (offset: number) => {
      walker.currentNode = container;
      const { node, offset: inNode } = locate(offset);
      const range = document.createRange();
      range.setStart(node, inNode);
      range.setEnd(node, inNode + 1);
      return range.getBoundingClientRect();
    };
    const first = rectOf(at);
    const last = rectOf(at + wanted.length - 1);
    return {
      x1: first.left + 1,
      y1: first.top + first.height / 2,
      x2: last.right - 1,
      y2: last.top + last.height / 2,
    };
  }, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}
