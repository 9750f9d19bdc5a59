// The HTTP entry points as a browser or a client reaches them: refusals of other sites' requests
// and of bodies over the limit, each answered before anything is stored.
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { createProject, findProjectBySlug } from "../services/projects";
import { sessionFor } from "../test-support/callers";
import { newUser } from "../test-support/users";
import { maxTrpcBodyBytes } from "./body-limit";
import { respondToExport } from "./dataset-export";
import { respondToUpload } from "./dataset-upload";
import { respondToTrpc } from "./trpc-handler";

const evil = { origin: "http://evil.example", "sec-fetch-site": "cross-site" };
const ownPage = { origin: "http://localhost", "sec-fetch-site": "same-origin" };

let db: Db;
let session: ReturnType<typeof sessionFor>;
beforeEach(async () => {
  db = await openTestDatabase();
  const owner = await newUser(db, "owner");
  await createProject(db, { slug: "p", name: "P", labels: ["PER"], ownerId: owner.id });
  session = sessionFor(owner);
});

function trpcPost(path: string, body: BodyInit, headers: Record<string, string>) {
  const request = new Request(`http://localhost/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return respondToTrpc(request, async () => ({ session, db }));
}

const rename = (name: string) => JSON.stringify({ json: { projectSlug: "p", settings: { name } } });
const projectName = async () => (await findProjectBySlug(db, "p")).name;

describe("the tRPC route handler", () => {
  it("refuses a mutation from another site with 403, in tRPC's error shape", async () => {
    const response = await trpcPost("project.update", rename("Hijacked"), evil);
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.error.json.message).toBe(
      "Refused a cross-site request: Origin http://evil.example is not this site",
    );
    expect(body.error.json.data.code).toBe("FORBIDDEN");
    expect(await projectName()).toBe("P");
  });

  it("words an input refused by its schema as the sentences of its problems, not as JSON", async () => {
    const response = await trpcPost("project.update", rename("P\u0000"), ownPage);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.json.message).toBe(
      "project name holds a control character (U+0000) at character 2",
    );
    const missing = await trpcPost("project.update", JSON.stringify({ json: {} }), ownPage);
    expect((await missing.json()).error.json.message).toMatch(/^projectSlug: /);
  });

  it("takes a mutation from its own pages and from a client without browser headers", async () => {
    expect((await trpcPost("project.update", rename("From the page"), ownPage)).status).toBe(200);
    expect(await projectName()).toBe("From the page");
    expect((await trpcPost("project.update", rename("From curl"), {})).status).toBe(200);
    expect(await projectName()).toBe("From curl");
  });

  it("answers a query from another site: it cannot read the answer", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { projectSlug: "p" } }));
    const request = new Request(`http://localhost/api/trpc/project.bySlug?input=${input}`, {
      headers: evil,
    });
    expect((await respondToTrpc(request, async () => ({ session, db }))).status).toBe(200);
  });

  it("refuses a body over the limit with 413 naming it, by Content-Length", async () => {
    const huge = rename("x".repeat(maxTrpcBodyBytes));
    const response = await trpcPost("project.update", huge, ownPage);
    expect(response.status).toBe(413);
    const body = await response.json();
    expect(body.error.json.message).toBe("the request body is over the 2 MB limit");
    expect(await projectName()).toBe("P");
  });

  it("refuses a chunked body over the limit as it arrives", async () => {
    const bytes = new TextEncoder().encode(rename("x".repeat(10 * 1024 ** 2)));
    let offset = 0;
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(offset, (offset += 64 * 1024)));
      },
    });
    const response = await trpcPost("project.update", chunked, ownPage);
    expect(response.status).toBe(413);
    expect((await response.json()).error.json.message).toMatch(/over the 2 MB limit/);
    expect(offset).toBeLessThan(bytes.length);
  });

  it("takes the largest real edit, well under the limit", async () => {
    const spans = Array.from({ length: 5_000 }, (_, i) => ({ start: i, end: i + 1, labelId: 1 }));
    const edit = { documentId: 1, baseVersion: 0, edits: [{ kind: "add", spans }] };
    const body = JSON.stringify({ json: edit });
    expect(new TextEncoder().encode(body).length).toBeLessThan(maxTrpcBodyBytes / 4);
    // No such document: the body was read and judged, not refused for its size.
    expect((await trpcPost("annotation.edit", body, ownPage)).status).toBe(404);
  });
});

describe("the upload route", () => {
  const upload = (headers: Record<string, string>, files: Blob = new Blob(['{"text":"x"}\n'])) => {
    const form = new FormData();
    form.append("files", files, "a.jsonl");
    const request = new Request("http://localhost/api/dataset-uploads/p", {
      method: "POST",
      body: form,
      headers,
    });
    return respondToUpload(db, session, "p", request);
  };

  it("refuses an upload from another site with 403", async () => {
    const response = await upload(evil);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      message: "Refused a cross-site request: Origin http://evil.example is not this site",
    });
  });

  it("takes one from its own pages", async () => {
    expect((await upload(ownPage)).status).toBe(200);
  });

  it("refuses a body over its own limit (2 GB) with 413", async () => {
    const response = await upload({ ...ownPage, "content-length": String(3 * 1024 ** 3) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: "the request body is over the 2 GB limit" });
  });
});

describe("the export route", () => {
  const download = (headers: Record<string, string>) =>
    respondToExport(
      db,
      session,
      "p",
      new Request("http://localhost/api/projects/p/datasets/export?format=jsonl&source=all", {
        headers,
      }),
    );

  it("refuses a download started by another site's page with 403", async () => {
    const response = await download({ "sec-fetch-site": "cross-site" });
    expect(response.status).toBe(403);
    expect((await response.json()).message).toMatch(/^Refused a cross-site request/);
  });

  it("serves one from its own pages and from an address typed in", async () => {
    expect((await download(ownPage)).status).toBe(200);
    expect((await download({ "sec-fetch-site": "none" })).status).toBe(200);
  });
});
