// Inputs that once ended in a 500 or in stored nonsense: each is refused (or a no-op) and stores nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { createProject, findProjectBySlug, listLabels } from "../services/projects";
import { callerAs, type Caller } from "../test-support/callers";
import { newDocument } from "../test-support/documents";
import { layerVersion } from "../test-support/layers";
import { expectTrpcError } from "../test-support/trpc-errors";
import { newUser } from "../test-support/users";

let db: Db;
let owner: Caller;
let documentId: number;
const p = { projectSlug: "p" };
// "👍🏽" is four UTF-16 units: offsets 4 and 6 fall inside its characters.
const text = "Ann 👍🏽 met Bob.";

beforeEach(async () => {
  db = await openTestDatabase();
  const user = await newUser(db, "owner");
  const project = await createProject(db, {
    slug: "p",
    name: "P",
    labels: ["PER"],
    ownerId: user.id,
  });
  documentId = await newDocument(db, project.id, text);
  owner = callerAs(db, user);
});

describe("project.update", () => {
  it.each([{}, { name: undefined }])(
    "takes settings naming no field (%j) as no change",
    async (settings) => {
      expect(await owner.project.update({ ...p, settings })).toEqual({ slug: "p" });
      expect((await findProjectBySlug(db, "p")).name).toBe("P");
    },
  );

  it("refuses missing settings as a bad request", async () => {
    await expectTrpcError(owner.project.update(p as never), "BAD_REQUEST");
  });

  it.each([
    ["name", "P\u0000", /project name holds a control character \(U\+0000\)/],
    ["name", "P\ud83d", /project name holds half of a character/],
    ["description", "a\u001bb", /description holds a control character \(U\+001B\)/],
    ["guidelines", "x".repeat(200_001), /guidelines is 200001 characters long: at most 200000/],
  ])("refuses a bad %s, naming the field", async (field, value, message) => {
    await expectTrpcError(
      owner.project.update({ ...p, settings: { [field]: value } }),
      "BAD_REQUEST",
      message,
    );
    expect((await findProjectBySlug(db, "p"))[field as "name"]).not.toBe(value);
  });

  it("keeps line breaks in guidelines", async () => {
    await owner.project.update({ ...p, settings: { guidelines: "# Rules\n\n\tTag people." } });
    expect((await findProjectBySlug(db, "p")).guidelines).toBe("# Rules\n\n\tTag people.");
  });
});

describe("label names", () => {
  it.each([
    ["PER\u0000", /label name holds a control character \(U\+0000\)/],
    ["\udfffX", /label name holds half of a character/],
    ["L".repeat(10_000), /is 10000 characters long: a label name has at most 50/],
  ])("refuses %j on create and on rename", async (name, message) => {
    await expectTrpcError(owner.label.create({ ...p, label: { name } }), "BAD_REQUEST", message);
    const [label] = await listLabels(db, (await findProjectBySlug(db, "p")).id);
    await expectTrpcError(
      owner.label.update({ ...p, labelId: label?.id ?? 0, label: { name } }),
      "BAD_REQUEST",
      message,
    );
    expect(
      (await listLabels(db, (await findProjectBySlug(db, "p")).id)).map((l) => l.name),
    ).toEqual(["PER"]);
  });

  it("keeps a field given as undefined on rename", async () => {
    const [label] = await listLabels(db, (await findProjectBySlug(db, "p")).id);
    const labelId = label?.id ?? 0;
    await owner.label.update({ ...p, labelId, label: { name: undefined, description: "People" } });
    expect(await listLabels(db, (await findProjectBySlug(db, "p")).id)).toMatchObject([
      { name: "PER", description: "People" },
    ]);
  });

  it("refuses them in a new project's labels too", async () => {
    await expectTrpcError(
      owner.project.create({ slug: "q", name: "Q", labels: ["A\u0007"] }),
      "BAD_REQUEST",
      /label name holds a control character \(U\+0007\)/,
    );
  });
});

describe("review.rejectRegion", () => {
  const goldVersion = () => layerVersion(db, documentId, null);
  const goldRejectionCount = () => db.$count(tablesOf(db).goldRejections);

  it.each([
    [8, 4, /start 8 must be less than end 4/],
    [5, 5, /start 5 must be less than end 5/],
    [0, text.length + 1, /past the end of the text/],
    [5, 9, /split a character in two/],
  ])("refuses %i-%i against the document", async (start, end, message) => {
    await expectTrpcError(
      owner.review.rejectRegion({ documentId, baseVersion: await goldVersion(), start, end }),
      "BAD_REQUEST",
      message,
    );
    expect(await goldRejectionCount()).toBe(0);
  });

  it("takes a region within the text", async () => {
    await owner.review.rejectRegion({
      documentId,
      baseVersion: await goldVersion(),
      start: 0,
      end: 3,
    });
    expect(await goldRejectionCount()).toBe(1);
  });
});
