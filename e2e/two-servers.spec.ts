import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { runCli } from "./cli";
import { demoPassword, signIn, signOut } from "./helpers";
import { demoDatabase, demoServer, proxyPort, secondPort, serverEnv } from "./servers";
import { createAnnotatedProject, mark, openProjectDocument } from "./workspace-project";

// Two Concord servers on the demo's PostgreSQL database, and a proxy in front that sends each
// request to the next server in turn: no sticky sessions, as the README's deployment says.
const secondServer = `http://127.0.0.1:${secondPort}`;
const proxyServer = `http://127.0.0.1:${proxyPort}`;
const slug = "two-servers";
let second: ChildProcess | undefined;
let proxy: http.Server | undefined;
const served = new Map<string, number>();

test.beforeAll(async () => {
  createAnnotatedProject({
    slug,
    labels: ["LOC", "GPE"],
    documents: [
      { id: "s1", text: "Kursk was shelled. Kyiv said so." },
      { id: "s2", text: "Kursk was shelled. Kyiv said so." },
    ],
  });
  second = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(secondPort), "-H", "127.0.0.1"],
    { env: { ...process.env, ...serverEnv, DATABASE_URL: demoDatabase }, stdio: "ignore" },
  );
  await expect.poll(() => healthy(secondServer), { timeout: 60_000 }).toBe(true);
  proxy = await roundRobinProxy([demoServer, secondServer]);
});

test.afterAll(async () => {
  second?.kill();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
});

async function healthy(server: string): Promise<boolean> {
  return fetch(`${server}/api/health`).then(
    (response) => response.ok,
    () => false,
  );
}

/** Sends each request to the next server in turn, Host header and all, as a plain proxy does. */
function roundRobinProxy(servers: string[]): Promise<http.Server> {
  let next = 0;
  const server = http.createServer((request, response) => {
    const target = new URL(request.url ?? "/", servers[next++ % servers.length]);
    served.set(target.origin, (served.get(target.origin) ?? 0) + 1);
    const upstream = http.request(
      target,
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(proxyPort, "127.0.0.1", () => resolve(server)));
}

const saved = (page: Page) => expect(page.getByTestId("save-state")).toHaveText("Saved");

test.describe("behind a proxy that alternates between them", () => {
  test.use({ baseURL: proxyServer });

  test("a person signs in, tags and reads their work back, whichever server answers", async ({
    page,
  }) => {
    await openProjectDocument(page, slug, "s1");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("1");
    await saved(page);
    await page.reload();
    await expect(mark(page, "Kursk")).toHaveAttribute("data-label", "LOC");
    expect(served.get(demoServer)).toBeGreaterThan(0);
    expect(served.get(secondServer)).toBeGreaterThan(0);
  });
});

test("a save through one server is read through the other, and signing out on one ends the session on both", async ({
  page,
}) => {
  await openProjectDocument(page, slug, "s2");
  const onFirst = page.url();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("2");
  await saved(page);
  const onSecond = onFirst.replace(demoServer, secondServer);
  await page.goto(onSecond);
  await expect(mark(page, "Kursk")).toHaveAttribute("data-label", "GPE");
  await page.goto(`${secondServer}/signout`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto(onFirst);
  await expect(page).toHaveURL(/\/signin/);
});

test("failed sign-ins on both servers count together", async ({ page }) => {
  const email = "two-servers-locked@concord.test";
  try {
    runCli(
      "user",
      "add",
      "--email",
      email,
      "--name",
      "two-servers-locked",
      "--password",
      demoPassword,
    );
  } catch (error) {
    // Playwright runs the file again after a failed test, on the same database.
    if (!String(error).includes("already exists")) throw error;
  }
  for (let i = 0; i < 5; i++) {
    await page.goto(`${i % 2 ? secondServer : demoServer}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Wrong email or password." }),
    ).toBeVisible();
  }
  for (const server of [demoServer, secondServer]) {
    await page.goto(`${server}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: "Too many failed attempts. Try again in 15 minutes." }),
    ).toBeVisible();
  }
  await signIn(page, "bob@concord.test");
  await signOut(page);
});
