import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/open-database";
import { createCaller } from "../root";
import { exportForMember } from "../services/datasets/export-for-member";
import { importJsonl } from "../services/datasets/import-jsonl";
import { receiveUploadForMember } from "../services/datasets/upload-for-member";
import { addMember, createProject } from "../services/projects";
import { createUser, type PublicUser } from "../services/users";

let db: Db;
let owner: PublicUser;
let reviewer: PublicUser;
let annotator: PublicUser;

const as = (user: PublicUser) =>
  createCaller({
    session: {
      user: { id: String(user.id), name: user.name },
      expires: "2999-01-01T00:00:00.000Z",
    },
    db,
  });

/** Sends files the way the browser's form does, through the upload service. */
async function upload(user: PublicUser, files: Record<string, string>) {
  const form = new FormData();
  for (const [name, content] of Object.entries(files))
    form.append("files", new Blob([content]), name);
  const request = new Request("http://localhost/upload", { method: "POST", body: form });
  return receiveUploadForMember(db, {
    projectSlug: "p",
    userId: user.id,
    contentType: request.headers.get("content-type") ?? "",
    body: request.body as WebReadableStream<Uint8Array>,
  });
}

async function refusal(run: () => Promise<unknown> | unknown) {
  try {
    await run();
  } catch (error) {
    return error as TRPCError & { code: string };
  }
  throw new Error("expected a refusal");
}

beforeEach(async () => {
  db = openDatabase(":memory:");
  const user = (name: string) =>
    createUser(db, { email: `${name}@example.com`, name, password: "long enough" });
  [owner, reviewer, annotator] = [await user("olga"), await user("rita"), await user("ann")];
  createProject(db, { slug: "p", name: "P", labels: ["PER"] });
  for (const [who, role] of [
    [owner, "owner"],
    [reviewer, "reviewer"],
    [annotator, "annotator"],
  ] as const) {
    addMember(db, { projectSlug: "p", email: who.email ?? "", role });
  }
});

const conll = "-DOCSTART- -X- O O\n\n東京 B-LOC\nis O\nbig O\n\n-DOCSTART- -X- O O\n\nAnn B-PER\n";

describe("dataset router", () => {
  it("previews an upload without writing, then imports it, and the files are gone after", async () => {
    const { id: uploadId, files } = await upload(owner, { "news.conll": conll });
    expect(files.map(({ name, size }) => [name, size])).toEqual([
      ["news.conll", Buffer.byteLength(conll)],
    ]);
    const input = { projectSlug: "p", uploadId, format: "conll" as const, options: {} };

    const preview = await as(owner).dataset.preview(input);
    expect(preview).toMatchObject({ documents: 2, spans: 2, labelsCreated: ["LOC"] });
    expect(preview.preview[0]).toMatchObject({
      text: "東京 is big",
      spans: [{ label: "LOC", text: "東京" }],
    });
    expect((await as(owner).document.list({ projectSlug: "p" })).total?.count).toBe(0);

    const imported = await as(owner).dataset.import(input);
    expect(imported).toMatchObject({ documents: 2, spans: 2 });
    expect((await as(owner).document.list({ projectSlug: "p" })).total?.count).toBe(2);
    expect((await refusal(() => as(owner).dataset.import(input))).code).toBe("NOT_FOUND");
  });

  it("reports a malformed upload with its file, line and field", async () => {
    const { id: uploadId } = await upload(owner, { "bad.conll": "Ann B-PER\nBob X-PER\n" });
    const error = await refusal(() =>
      as(owner).dataset.import({ projectSlug: "p", uploadId, format: "conll", options: {} }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/^bad\.conll: line 2, field "tag": /);
  });

  it("lets only owners upload and import", async () => {
    for (const user of [reviewer, annotator]) {
      const error = await refusal(() => upload(user, { "a.txt": "x" }));
      expect((error as { code: string }).code).toBe("FORBIDDEN");
    }
    const { id: uploadId } = await upload(owner, { "a.txt": "x" });
    const input = { projectSlug: "p", uploadId, format: "txt" as const, options: {} };
    expect((await refusal(() => as(annotator).dataset.preview(input))).code).toBe("FORBIDDEN");
    // Nor import an owner's upload.
    expect((await refusal(() => as(reviewer).dataset.import(input))).code).toBe("FORBIDDEN");
  });

  it("lets reviewers export anything and annotators only their own layer", async () => {
    importJsonl(
      db,
      "p",
      JSON.stringify({
        text: "Ann met Bob",
        annotations: [
          { annotator: "ann", spans: [{ start: 0, end: 3, label: "PER" }] },
          { annotator: "bob", spans: [{ start: 8, end: 11, label: "PER" }] },
        ],
      }),
    );
    expect(await as(reviewer).dataset.annotators({ projectSlug: "p" })).toEqual(["ann", "bob"]);
    expect(await as(annotator).dataset.annotators({ projectSlug: "p" })).toEqual(["ann"]);
    const summary = (user: PublicUser, source: string) =>
      as(user).dataset.exportSummary({ projectSlug: "p", format: "conll", source });
    expect(await summary(reviewer, "annotator:bob")).toMatchObject({ documents: 1, spans: 1 });
    expect(await summary(annotator, "annotator:ann")).toMatchObject({ documents: 1, spans: 1 });
    for (const source of ["annotator:bob", "gold", "all"]) {
      expect((await refusal(() => summary(annotator, source))).code).toBe("FORBIDDEN");
    }
    const download = (user: PublicUser) => () =>
      exportForMember(db, user.id, { projectSlug: "p", format: "jsonl", source: { kind: "all" } });
    expect(download(reviewer)().fileName).toBe("p-all.jsonl");
    expect((await refusal(download(annotator))).code).toBe("FORBIDDEN");
  });
});
