import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import {
  addDemoMember,
  createAnnotatedProject,
  documentText,
  openProjectDocument,
} from "./workspace-project";

const slug = "focus";
const reviewSlug = "focus-review";
const text = "Russia said troops left. Later, Russia denied it. Kyiv agreed.";

/** A span over the n-th occurrence (from 0) of `word`. */
function span(word: string, label: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(word, start + 1);
  return { start, end: start + word.length, label };
}

test.beforeAll(() => {
  createAnnotatedProject({
    slug,
    labels: ["GPE", "LOC"],
    // The annotator's queue: two documents to submit, the second one the last to do.
    documents: [
      { id: "first", text: "Ana met Bob in Rome." },
      { id: "second", text: "Eve flew to Oslo." },
    ],
  });
  createAnnotatedProject({
    slug: reviewSlug,
    labels: ["GPE", "LOC"],
    documents: [
      {
        id: "regions",
        text,
        annotations: [
          {
            annotator: "ann",
            status: "submitted",
            spans: [span("Russia", "GPE"), span("Russia", "GPE", 1), span("Kyiv", "GPE")],
          },
          {
            annotator: "bob",
            status: "submitted",
            spans: [span("Russia", "LOC"), span("Russia", "LOC", 1)],
          },
        ],
      },
    ],
  });
  addDemoMember(reviewSlug, "rita@concord.test", "reviewer");
});

/** The keyboard is on `target`, and so not left on the page's body. */
async function expectFocusOn(page: Page, target: Locator) {
  await expect(target).toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
}

/** Presses a button the way a keyboard user does: focus it, then Enter. */
async function press(button: Locator) {
  await button.focus();
  await button.press("Enter");
}

test("after Submit the keyboard is in the text, of the next document or of this one", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "first");
  await press(page.getByRole("button", { name: "Submit", exact: true }));
  await expect(page.getByRole("heading", { name: "second" })).toBeVisible();
  await expectFocusOn(page, documentText(page));

  // The last document to do: Submit stays on the page and turns into a disabled "Submitted".
  await press(page.getByRole("button", { name: "Submit", exact: true }));
  await expect(page.getByRole("button", { name: "Submitted" })).toBeDisabled();
  await expectFocusOn(page, documentText(page));
});

test("after Accept or Reject the keyboard goes on to the next region, then to the gold text", async ({
  page,
}) => {
  await signIn(page, "rita@concord.test");
  await page.goto(`/projects/${reviewSlug}/review/documents`);
  await page.getByRole("link", { name: "regions" }).click();
  const regions = page.getByTestId("region");
  await expect(regions).toHaveCount(3);
  const firstControl = (region: Locator) => region.getByRole("button").first();

  // Accepting settles the first region: its buttons go, the keyboard lands on the next region.
  await press(page.getByRole("button", { name: "Accept GPE “Russia” from ann" }).first());
  await expect(regions).toHaveCount(2);
  await expectFocusOn(page, firstControl(regions.first()));
  await expect(regions.first()).toContainText("Russia");

  // Rejecting the last region leaves the one before it.
  await press(regions.last().getByRole("button", { name: "Reject all" }));
  await expect(regions).toHaveCount(1);
  await expectFocusOn(page, firstControl(regions.first()));

  // Nothing left to settle: the keyboard goes to the gold layer's text.
  await press(regions.first().getByRole("button", { name: "Reject all" }));
  await expect(regions).toHaveCount(0);
  await expectFocusOn(page, page.getByTestId("gold-layer").getByTestId("document-text"));
});
