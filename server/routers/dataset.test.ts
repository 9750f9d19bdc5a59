import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { exportForMember } from "../services/datasets/export-for-member";
import { importJsonl } from "../services/datasets/import-jsonl";
import { receiveUploadForMember } from "../services/datasets/upload-for-member";
import { addMember, createProject } from "../services/projects";
import type { PublicUser } from "../services/users";
import { callerAs } from "../test-support/callers";
import { expectDomainError, expectTrpcError } from "../test-support/trpc-errors";
import { newUser } from "../test-support/users";

let db: Db;
let owner: PublicUser;
let reviewer: PublicUser;
let annotator: PublicUser;

const as = (user: PublicUser) => callerAs(db, user);

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

beforeEach(async () => {
  db = await openTestDatabase();
  const user = (name: string) => newUser(db, name);
  [owner, reviewer, annotator] = [await user("olga"), await user("rita"), await user("ann")];
  await createProject(db, { slug: "p", name: "P", labels: ["PER"] });
  for (const [who, role] of [
    [owner, "owner"],
    [reviewer, "reviewer"],
    [annotator, "annotator"],
  ] as const) {
    await addMember(db, { projectSlug: "p", email: who.email ?? "", role });
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
    await expectTrpcError(as(owner).dataset.import(input), "NOT_FOUND");
  });

  it("reports a malformed upload with its file, line and field", async () => {
    const { id: uploadId } = await upload(owner, { "bad.conll": "Ann B-PER\nBob X-PER\n" });
    await expectTrpcError(
      as(owner).dataset.import({ projectSlug: "p", uploadId, format: "conll", options: {} }),
      "BAD_REQUEST",
      /^bad\.conll: line 2, field "tag": /,
    );
  });

  it("lets only owners upload and import", async () => {
    for (const user of [reviewer, annotator]) {
      await expectDomainError(() => upload(user, { "a.txt": "x" }), "FORBIDDEN");
    }
    const { id: uploadId } = await upload(owner, { "a.txt": "x" });
    const input = { projectSlug: "p", uploadId, format: "txt" as const, options: {} };
    await expectTrpcError(as(annotator).dataset.preview(input), "FORBIDDEN");
    // Nor import an owner's upload.
    await expectTrpcError(as(reviewer).dataset.import(input), "FORBIDDEN");
  });

  it("lets reviewers export anything and annotators only their own layer", async () => {
    await importJsonl(
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
      await expectTrpcError(summary(annotator, source), "FORBIDDEN");
    }
    const download = (user: PublicUser) => () =>
      exportForMember(db, user.id, { projectSlug: "p", format: "jsonl", source: { kind: "all" } });
    expect((await download(reviewer)()).fileName).toBe("p-all.jsonl");
    await expectDomainError(download(annotator), "FORBIDDEN");
  });
});
