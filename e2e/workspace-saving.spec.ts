import { expect, test } from "@playwright/test";
import { createAnnotatedProject, mark, openProjectDocument } from "./workspace-project";

const slug = "saving";

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels: ["PER"],
    documents: [{ id: "v1", text: "Ana met Bob." }],
  });
});

test("a span shows at once; a save the server refuses is shown as failed and retried until it is stored", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "v1");
  let calls = 0;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === "/api/trpc/annotation.edit",
    async (route) => {
      calls += 1;
      if (calls === 1) return route.fulfill({ status: 503, body: "service unavailable" });
      await released;
      return route.continue();
    },
  );

  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("1");
  await expect(mark(page, "Ana")).toHaveAttribute("data-label", "PER");
  await expect(page.getByTestId("save-state")).toHaveText("Save failed — retrying");
  await expect(mark(page, "Ana")).toHaveAttribute("data-save-state", "failed");
  await expect(page.getByTestId("span-count")).toHaveText("1 span");

  release();
  await page.getByRole("button", { name: "Retry now" }).click();
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await expect(mark(page, "Ana")).not.toHaveAttribute("data-save-state");
  expect(calls).toBe(2);

  await page.unroute((url) => url.pathname === "/api/trpc/annotation.edit");
  await page.reload();
  await expect(mark(page, "Ana")).toHaveAttribute("data-label", "PER");
});
