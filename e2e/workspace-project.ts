import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { runCli } from "./cli";
import { demoPassword, signIn } from "./helpers";

type ProjectSetup = {
  slug: string;
  labels: string[];
  allowOverlap?: boolean;
  tokenSnapping?: boolean;
  documents: { id: string; text: string; meta?: object; annotations?: unknown[] }[];
};

/**
 * A project of its own for a spec, made with the real CLI on the seeded server's database, with
 * one annotator (named after the project) who has touched nothing yet. Returns their email.
 */
export function createAnnotatedProject(setup: ProjectSetup): string {
  const email = `${setup.slug}@concord.test`;
  try {
    runCli("user", "add", "--email", email, "--name", setup.slug, "--password", demoPassword);
  } catch (error) {
    // Playwright runs beforeAll again after a failed test, on the same server: it is all there.
    if (String(error).includes("already exists")) return email;
    throw error;
  }
  runCli(
    "project",
    "create",
    "--slug",
    setup.slug,
    "--name",
    setup.slug,
    "--labels",
    setup.labels.join(","),
    ...(setup.allowOverlap ? ["--allow-overlap"] : []),
    ...(setup.tokenSnapping === false ? ["--no-token-snapping"] : []),
  );
  runCli("member", "add", "--project", setup.slug, "--email", email, "--role", "annotator");
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "concord-e2e-")), "documents.jsonl");
  writeFileSync(file, setup.documents.map((document) => JSON.stringify(document)).join("\n"));
  runCli("import", "--project", setup.slug, "--format", "jsonl", file);
  return email;
}

/**
 * Makes one of the demo's accounts a member of a spec's project, e.g. rita as its reviewer; a
 * rerun of beforeAll on the same server finds the membership already there.
 */
export function addDemoMember(slug: string, email: string, role: "reviewer" | "owner") {
  try {
    runCli("member", "add", "--project", slug, "--email", email, "--role", role);
  } catch (error) {
    if (!String(error).includes("already")) throw error;
  }
}

/** Signs in as the project's annotator and opens one of its documents by name. */
export async function openProjectDocument(page: Page, slug: string, name: string) {
  await signIn(page, `${slug}@concord.test`);
  await page.goto(`/projects/${slug}`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("document-text")).toBeFocused();
}

export const documentText = (page: Page) => page.getByTestId("document-text");

/** The highlighted piece of text whose content is exactly `text`. */
export const mark = (page: Page, text: string) =>
  documentText(page)
    .locator("mark")
    .filter({ hasText: new RegExp(`^${text}$`) });

/** The text under the keyboard cursor, pieces joined. */
export async function cursorText(page: Page) {
  const pieces = await documentText(page).locator("[data-cursor]").allTextContents();
  return pieces.join("");
}
