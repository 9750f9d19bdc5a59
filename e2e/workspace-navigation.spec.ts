import { expect, test } from "@playwright/test";
import { createAnnotatedProject, openProjectDocument } from "./workspace-project";

const slug = "queue";

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels: ["PER"],
    documents: ["n1", "n2", "n3"].map((id) => ({ id, text: `Document ${id} mentions Ana.` })),
  });
});

test("J, K, ] and [ move between documents; Ctrl+Enter submits; N finds the next one to do; the progress bar follows", async ({
  page,
}) => {
  const heading = (name: string) => page.getByRole("heading", { name, exact: true });
  const progress = page.getByTestId("progress");
  await openProjectDocument(page, slug, "n1");
  await expect(progress).toHaveText("0 of 3 submitted");

  await page.keyboard.press("j");
  await expect(heading("n2")).toBeVisible();
  await page.keyboard.press("]");
  await expect(heading("n3")).toBeVisible();
  await page.keyboard.press("j");
  await expect(page.getByTestId("notice")).toHaveText("There is no next document.");
  await page.keyboard.press("k");
  await expect(heading("n2")).toBeVisible();
  await page.keyboard.press("[");
  await expect(heading("n1")).toBeVisible();

  // Submitting moves on to the next document to do.
  await page.keyboard.press("Control+Enter");
  await expect(heading("n2")).toBeVisible();
  await expect(progress).toHaveText("1 of 3 submitted");
  await expect(progress.getByRole("progressbar")).toHaveAttribute("value", "1");

  await page.keyboard.press("Control+Enter");
  await expect(heading("n3")).toBeVisible();
  await expect(progress).toHaveText("2 of 3 submitted");
  await page.keyboard.press("Control+Enter");
  await expect(progress).toHaveText("3 of 3 submitted");
  await expect(page.getByTestId("status")).toHaveText("Submitted");
  await page.keyboard.press("n");
  await expect(page.getByTestId("notice")).toHaveText("There is no other unsubmitted document.");

  await page.goto(`/projects/${slug}`);
  await expect(page.getByTestId("status")).toHaveText(["Submitted", "Submitted", "Submitted"]);
});
