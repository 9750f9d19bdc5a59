import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { runCli } from "./cli";
import { signIn } from "./helpers";

const slug = "e2e-list";
const documents = 120;
const name = (i: number) => `list-${String(i).padStart(3, "0")}`;
const layer = (annotator: string, spans: [number, number, string][]) => ({
  annotator,
  status: "submitted",
  spans: spans.map(([start, end, label]) => ({ start, end, label })),
});

test.beforeAll(() => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "concord-list-")), "list.jsonl");
  const lines = Array.from({ length: documents }, (_, i) => {
    const text = i % 40 === 7 ? `Report ${i} found a needle.` : `Report ${i} from the border.`;
    // 3 and 4: alice and bob disagree; 5: they agree.
    const annotations =
      i === 3 || i === 4
        ? [layer("alice", [[0, 6, "PER"]]), layer("bob", [[0, 6, "ORG"]])]
        : i === 5
          ? [layer("alice", [[0, 6, "PER"]]), layer("bob", [[0, 6, "PER"]])]
          : [];
    return JSON.stringify({ id: name(i), text, annotations });
  });
  writeFileSync(file, lines.join("\n"));
  runCli("project", "create", "--slug", slug, "--name", "Long list", "--labels", "PER,ORG");
  runCli("member", "add", "--project", slug, "--email", "rita@concord.test", "--role", "reviewer");
  runCli("import", "--project", slug, "--format", "jsonl", file);
});

test("a reviewer pages through a long list, searches it, filters it, and the URL keeps the view", async ({
  page,
}) => {
  await signIn(page, "rita@concord.test");
  await page.goto(`/projects/${slug}`);
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(page.getByText(`50 of ${documents} documents`)).toBeVisible();
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText(name(0));

  await page.getByRole("button", { name: "Show 50 more" }).click();
  await expect(rows).toHaveCount(100);
  await page.getByRole("button", { name: "Show 50 more" }).click();
  await expect(rows).toHaveCount(documents);
  await expect(rows.last()).toContainText(name(documents - 1));
  await expect(page.getByRole("button", { name: "Show 50 more" })).toHaveCount(0);
  const names = await rows.locator("td:first-child").allTextContents();
  expect(new Set(names).size).toBe(documents);

  const search = page.getByRole("search", { name: "Find documents" });
  await search.getByRole("searchbox").fill("needle");
  await search.getByRole("searchbox").press("Enter");
  await expect(page).toHaveURL(/\?q=needle$/);
  await expect(rows).toHaveCount(3);
  await expect(rows.locator("td:first-child")).toHaveText([name(7), name(47), name(87)]);

  // On a slow line the last view and its filters stay put while the next one loads.
  await page.route(/document\.list/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  await search.getByLabel("Has disagreement").check();
  await expect(page.getByRole("table")).toHaveAttribute("aria-busy", "true");
  await expect(rows).toHaveCount(3);
  await expect(page).toHaveURL(/\?q=needle&disagreement=1$/);
  await expect(rows).toHaveCount(0);
  await page.unroute(/document\.list/);

  await search.getByRole("searchbox").fill("");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?disagreement=1$/);
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(name(3));
  // A reviewer sees every annotator's status on each document.
  const team = rows.first().getByRole("list", { name: "Annotators' status" });
  await expect(team).toContainText("alice");
  await expect(team.getByTestId("team-status")).toHaveText(["Submitted", "Submitted"]);

  // A shared link opens the same view.
  await search.getByLabel("Sort by").selectOption("name");
  await search.getByLabel("Order").selectOption("desc");
  await expect(page).toHaveURL(/disagreement=1&sort=name&dir=desc$/);
  await page.goto(page.url());
  await expect(page.getByRole("search").getByLabel("Has disagreement")).toBeChecked();
  await expect(rows.locator("td:first-child")).toHaveText([name(4), name(3)]);
});
