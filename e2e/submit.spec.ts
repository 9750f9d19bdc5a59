import { expect, test } from "@playwright/test";
import {
  createAnnotatedProject,
  documentText,
  mark,
  openProjectDocument,
} from "./workspace-project";

const slug = "submitting";

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels: ["PER", "LOC"],
    documents: [
      { id: "s1", text: "Ana met Bob in Rome." },
      { id: "s2", text: "Eve flew to Oslo." },
    ],
  });
});

test("Submit moves on to the next document to do; editing a submitted one reopens it", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "s1");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("1");
  await expect(mark(page, "Ana")).toBeVisible();
  const submitted = page.url();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: "s2" })).toBeVisible();

  await expect(page.getByTestId("progress")).toHaveText("1 of 2 submitted");
  await page.goto(submitted);
  await expect(page.getByTestId("status")).toHaveText("Submitted");
  await expect(documentText(page)).toBeFocused();
  await mark(page, "Ana").click();
  await page.keyboard.press("Delete");
  await expect(mark(page, "Ana")).toHaveCount(0);
  await expect(page.getByTestId("notice")).toHaveText("Reopened: submit again when done.");
  await expect(page.getByTestId("status")).toHaveText("In progress");
  await expect(page.getByRole("button", { name: "Submit", exact: true })).toBeEnabled();

  // The server has it so too.
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByTestId("status")).toHaveText("In progress");
});
