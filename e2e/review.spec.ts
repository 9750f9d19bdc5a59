import { expect, test } from "@playwright/test";
import { formatMetric } from "@/domain/agreement/format-metric";
import { runCli } from "./cli";
import { signIn } from "./helpers";

test("a reviewer sees the same agreement as the CLI reports", async ({ page }) => {
  const expected = JSON.parse(runCli("agreement", "--project", "kursk-news", "--json"));
  await signIn(page, "rita@concord.test");
  await page.goto("/projects/kursk-news");
  await page.getByRole("link", { name: "Agreement", exact: true }).click();

  await expect(page.getByTestId("headline-Krippendorff's alpha (nominal)")).toHaveText(
    formatMetric(expected.token.krippendorffAlpha),
  );
  await expect(page.getByTestId("headline-Fleiss' kappa")).toHaveText(
    formatMetric(expected.token.fleissKappa),
  );
  // Two annotators make one pair: its kappa is a single figure, not a heatmap of one value.
  const [pair] = expected.token.cohenKappa;
  await expect(page.getByTestId("pair-kappa")).toContainText(formatMetric(pair.kappa));
  await expect(page.getByTestId("pair-kappa")).toContainText(`${pair.a} and ${pair.b}`);
  await expect(page.getByRole("figure", { name: /Heatmap of Cohen's kappa/ })).toHaveCount(0);
  const pairs = page.getByRole("table", { name: "Pairwise agreement" });
  await expect(pairs.getByRole("row").nth(1)).toContainText(
    formatMetric(expected.span.pairs[0].exactF1),
  );
});

test("a reviewer curates a document into gold, and the gold export has it", async ({ page }) => {
  await signIn(page, "rita@concord.test");
  await page.goto("/projects/kursk-news/review/documents");
  const documents = page
    .getByRole("list", { name: "Documents by agreement" })
    .getByRole("listitem");
  await expect(documents.first()).toBeVisible();
  const name = (await documents.first().getByRole("link").textContent()) ?? "";
  await documents.first().getByRole("link").click();

  const regions = page.getByTestId("region");
  await expect(regions.first()).toBeVisible();
  await page.getByRole("button", { name: "Accept all agreed" }).click();
  const gold = page.getByTestId("gold-layer");
  await expect(gold.locator("mark").first()).toBeVisible();

  // Settle a label mismatch by taking one annotator's version; settled regions show under "All".
  await page.getByRole("radio", { name: "All" }).check();
  const mismatch = page.locator('[data-testid="region"][data-kind="label"]').first();
  const accept = mismatch.getByRole("button", { name: /^Accept / }).first();
  const acceptedText = (await accept.getAttribute("aria-label")) ?? "";
  await accept.click();
  await expect(mismatch.getByText("settled")).toBeVisible();

  await page.getByRole("button", { name: "Mark curated" }).click();
  // Other regions are still open: marking curated is a decision to confirm.
  await page.getByRole("alertdialog").getByRole("button", { name: "Mark curated anyway" }).click();
  await expect(page.getByTestId("status")).toHaveText("Curated");

  const exported = runCli("export", "--project", "kursk-news", "--source", "gold")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line))
    .find((document) => document.id === name);
  const [layer] = exported.annotations;
  expect(layer.status).toBe("curated");
  const [, label, spanText] = /^Accept (\S+) “(.+)” from/.exec(acceptedText) ?? [];
  expect(
    layer.spans.some(
      (span: { start: number; end: number; label: string }) =>
        span.label === label &&
        [...exported.text].slice(span.start, span.end).join("") === spanText,
    ),
  ).toBe(true);
});

test("an annotator cannot open the review pages", async ({ page }) => {
  await signIn(page, "bob@concord.test");
  await page.goto("/projects/kursk-news/review");
  await expect(
    page.getByRole("alert").filter({ hasText: "only reviewers and owners" }),
  ).toBeVisible();
});
