import { beforeEach, describe, expect, it } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { assignDocument } from "../services/assignments";
import { importJsonl } from "../services/datasets/import-jsonl";
import { addMember, createProject } from "../services/projects";
import type { PublicUser } from "../services/users";
import { callerAs } from "../test-support/callers";
import { layerVersion } from "../test-support/layers";
import { expectTrpcError } from "../test-support/trpc-errors";
import { newUser } from "../test-support/users";

let db: Db;
let projectId: number;
const people: Record<"owner" | "reviewer" | "ann" | "bob", PublicUser> = {} as never;

const as = (user: PublicUser) => callerAs(db, user);

type Layer = {
  annotator: string;
  status: string;
  spans: { start: number; end: number; label: string }[];
};
const span = (start: number, end: number, label = "PER") => ({ start, end, label });

async function importDocuments(records: { id: string; text: string; annotations?: Layer[] }[]) {
  await importJsonl(db, "p", records.map((record) => JSON.stringify(record)).join("\n"));
}

/** Every page of a listing, following `nextCursor` to the end. */
async function listAll(user: PublicUser, input: Record<string, unknown> = {}, limit = 7) {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { id: number }[]; nextCursor: string | null } = await as(
      user,
    ).document.list({ projectSlug: "p", limit, cursor, ...input });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

const idsOf = async (user: PublicUser, input: Record<string, unknown>) =>
  (await as(user).document.list({ projectSlug: "p", limit: 200, ...input })).items.map(
    (item) => item.externalId,
  );

beforeEach(async () => {
  db = await openTestDatabase();
  for (const name of ["owner", "reviewer", "ann", "bob"] as const) {
    people[name] = await newUser(db, name);
  }
  projectId = (
    await createProject(db, {
      slug: "p",
      name: "P",
      labels: ["PER", "LOC"],
      ownerId: people.owner.id,
    })
  ).id;
  await addMember(db, { projectSlug: "p", email: "reviewer@example.com", role: "reviewer" });
  await addMember(db, { projectSlug: "p", email: "ann@example.com", role: "annotator" });
  await addMember(db, { projectSlug: "p", email: "bob@example.com", role: "annotator" });
});

describe("document.list paging", () => {
  beforeEach(async () => {
    await importDocuments(
      Array.from({ length: 30 }, (_, i) => ({
        id: `doc-${String((i * 7) % 30).padStart(2, "0")}`,
        text: `Text number ${i}`,
        annotations:
          i % 3 === 0
            ? [{ annotator: "ann", status: i % 2 ? "submitted" : "in_progress", spans: [] }]
            : [],
      })),
    );
  });

  it.each([
    ["position", "asc"],
    ["position", "desc"],
    ["name", "asc"],
    ["name", "desc"],
    ["status", "asc"],
    ["status", "desc"],
    ["updated", "desc"],
  ])("by %s %s lists every document exactly once, in order", async (sort, order) => {
    const whole = await as(people.ann).document.list({
      projectSlug: "p",
      limit: 200,
      sort,
      order,
    } as never);
    const paged = await listAll(people.ann, { sort, order });
    expect(whole.items).toHaveLength(30);
    expect(paged).toEqual(whole.items.map((item) => item.id));
  });

  it("sorts by name and by the annotator's status", async () => {
    expect((await idsOf(people.ann, { sort: "name" })).slice(0, 3)).toEqual([
      "doc-00",
      "doc-01",
      "doc-02",
    ]);
    const statuses = (
      await as(people.ann).document.list({
        projectSlug: "p",
        limit: 200,
        sort: "status",
        order: "desc",
      })
    ).items.map((item) => item.status);
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill("submitted"));
    expect(statuses.at(-1)).toBe("not_started");
  });

  it("neither repeats nor skips a document when documents are added between pages", async () => {
    const first = await as(people.owner).document.list({ projectSlug: "p", limit: 10 });
    await importDocuments([
      { id: "late-1", text: "late" },
      { id: "late-2", text: "later" },
    ]);
    const rest = await listAll(people.owner, {}, 10);
    const afterFirst: number[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await as(people.owner).document.list({ projectSlug: "p", limit: 10, cursor });
      afterFirst.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    }
    const seen = [...first.items.map((item) => item.id), ...afterFirst];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(rest);
    expect(seen).toHaveLength(32);
    expect(first.total).toEqual({ count: 30, atLeast: false });
  });

  it("refuses a cursor from another sort, filter, caller or nowhere with BAD_REQUEST", async () => {
    const { nextCursor } = await as(people.owner).document.list({
      projectSlug: "p",
      limit: 5,
      sort: "name",
    });
    const cursor = nextCursor ?? "";
    // Each call starts when its turn comes: a refusal that came in while an earlier one was
    // awaited would have no handler yet.
    const elsewhere = [
      () => as(people.owner).document.list({ projectSlug: "p", cursor, sort: "status" }),
      () =>
        as(people.owner).document.list({ projectSlug: "p", cursor, sort: "name", search: "Text" }),
      () => as(people.reviewer).document.list({ projectSlug: "p", cursor, sort: "name" }),
      () =>
        as(people.owner).document.list({ projectSlug: "p", cursor: "not-a-cursor", sort: "name" }),
      () =>
        as(people.owner).document.list({
          projectSlug: "p",
          cursor: Buffer.from('{"listing":1}').toString("base64url"),
        }),
    ];
    for (const call of elsewhere) {
      await expectTrpcError(call(), "BAD_REQUEST", /cursor .*start from the first page/);
    }
  });
});

describe("document.list search and filters", () => {
  beforeEach(async () => {
    await importDocuments([
      { id: "kursk-report", text: "Troops crossed into Kursk." },
      { id: "memo-100%", text: "A full 100% of the budget." },
      { id: "under_score", text: "Nothing about Moscow." },
      {
        id: "agreed",
        text: "Ann met Bob.",
        annotations: [
          { annotator: "ann", status: "submitted", spans: [span(0, 3), span(8, 11)] },
          { annotator: "bob", status: "submitted", spans: [span(8, 11), span(0, 3)] },
        ],
      },
      {
        id: "disputed",
        text: "Ann met Bob.",
        annotations: [
          { annotator: "ann", status: "submitted", spans: [span(0, 3)] },
          { annotator: "bob", status: "submitted", spans: [span(0, 3), span(8, 11, "LOC")] },
        ],
      },
      {
        id: "half-done",
        text: "Ann met Bob.",
        annotations: [
          { annotator: "ann", status: "submitted", spans: [span(0, 3)] },
          { annotator: "bob", status: "in_progress", spans: [] },
        ],
      },
    ]);
  });

  it("finds documents by external id, by text, and by number; wildcards are literal", async () => {
    expect(await idsOf(people.owner, { search: "KURSK" })).toEqual(["kursk-report"]);
    expect(await idsOf(people.owner, { search: "moscow" })).toEqual(["under_score"]);
    expect(await idsOf(people.owner, { search: "100%" })).toEqual(["memo-100%"]);
    expect(await idsOf(people.owner, { search: "s_c" })).toEqual([]);
    expect(await idsOf(people.owner, { search: "#2" })).toEqual(["memo-100%"]);
    expect(await idsOf(people.owner, { search: "   " })).toHaveLength(6);
  });

  it("filters by an annotator's status and by their assignment", async () => {
    expect(await idsOf(people.ann, { status: "submitted" })).toEqual([
      "agreed",
      "disputed",
      "half-done",
    ]);
    expect(await idsOf(people.ann, { status: "not_started" })).toHaveLength(3);
    const bob = people.bob.id;
    expect(await idsOf(people.reviewer, { annotatorId: bob, status: "in_progress" })).toEqual([
      "half-done",
    ]);
    await assignDocument(db, projectId, 1, bob);
    await assignDocument(db, projectId, 2, people.ann.id);
    expect(await idsOf(people.reviewer, { annotatorId: bob, assigned: true })).toEqual([
      "kursk-report",
    ]);
    expect(await idsOf(people.ann, { assigned: true })).toEqual(["memo-100%"]);
    // With work handed out, an annotator's filter is their queue: assigned or worked on.
    expect(await idsOf(people.owner, { annotatorId: bob })).toEqual([
      "kursk-report",
      "agreed",
      "disputed",
      "half-done",
    ]);
  });

  it("filters by curated gold and by disagreement among submitted layers", async () => {
    await as(people.reviewer).review.setGoldStatus({
      documentId: 4,
      baseVersion: await layerVersion(db, 4, null),
      status: "curated",
    });
    await as(people.reviewer).review.setGoldStatus({
      documentId: 5,
      baseVersion: await layerVersion(db, 5, null),
      status: "in_progress",
    });
    expect(await idsOf(people.reviewer, { gold: "curated" })).toEqual(["agreed"]);
    expect(await idsOf(people.reviewer, { gold: "uncurated" })).toHaveLength(5);
    expect(await idsOf(people.reviewer, { disagreement: true })).toEqual(["disputed"]);
    expect(await idsOf(people.reviewer, { disagreement: true, search: "nothing" })).toEqual([]);
  });

  it("shows owners and reviewers each annotator's status and the gold status", async () => {
    await as(people.reviewer).review.setGoldStatus({
      documentId: 6,
      baseVersion: await layerVersion(db, 6, null),
      status: "curated",
    });
    const page = await as(people.reviewer).document.list({ projectSlug: "p", search: "half" });
    expect(page.view).toEqual({ ownStatus: false, team: true, gold: true });
    expect(page.annotators.map((a) => a.name)).toEqual(["ann", "bob", "owner"]);
    expect(page.items[0]).toMatchObject({
      externalId: "half-done",
      gold: "curated",
      team: [
        { name: "ann", status: "submitted", assigned: false },
        { name: "bob", status: "in_progress", assigned: false },
      ],
    });
  });
});

describe("document.list for annotators", () => {
  beforeEach(async () => {
    await importDocuments(
      ["a", "b", "c", "d"].map((id) => ({
        id,
        text: `Document ${id}`,
        annotations:
          id === "d" ? [{ annotator: "bob", status: "submitted", spans: [span(0, 8)] }] : [],
      })),
    );
  });

  it("lists an annotator's queue in its order once work is handed out", async () => {
    expect(await idsOf(people.ann, {})).toEqual(["a", "b", "c", "d"]);
    await db.insert(tablesOf(db).assignments).values([
      { documentId: 3, userId: people.ann.id, position: 0 },
      { documentId: 1, userId: people.ann.id, position: 1 },
    ]);
    expect(await idsOf(people.ann, {})).toEqual(["c", "a"]);
    expect(await idsOf(people.bob, {})).toEqual(["d"]);
    expect(await idsOf(people.owner, {})).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps others' statuses from annotators under blind annotation, and shows them without", async () => {
    const blind = await as(people.ann).document.list({ projectSlug: "p", search: "d" });
    expect(blind.view).toEqual({ ownStatus: true, team: false, gold: false });
    expect(blind.items.find((item) => item.externalId === "d")).toMatchObject({
      status: "not_started",
      team: [],
      gold: null,
    });
    expect(blind.annotators).toEqual([]);
    await expectTrpcError(
      as(people.ann).document.list({ projectSlug: "p", annotatorId: people.bob.id }),
      "FORBIDDEN",
    );

    for (const filter of [{ gold: "curated" as const }, { disagreement: true }]) {
      await expectTrpcError(
        as(people.ann).document.list({ projectSlug: "p", ...filter }),
        "FORBIDDEN",
      );
    }

    await as(people.owner).project.update({
      projectSlug: "p",
      settings: { blindAnnotation: false },
    });
    const open = await as(people.ann).document.list({ projectSlug: "p", search: "Document d" });
    expect(open.view.team).toBe(true);
    expect(open.items[0]?.team).toEqual([
      { userId: people.bob.id, name: "bob", status: "submitted", assigned: false },
    ]);
    expect(open.items[0]?.gold).toBeNull();
  });

  it("counts the annotator's own spans only", async () => {
    const mine = await as(people.bob).document.list({ projectSlug: "p", search: "Document d" });
    expect(mine.items[0]).toMatchObject({ status: "submitted", spanCount: 1 });
    const theirs = await as(people.ann).document.list({ projectSlug: "p", search: "Document d" });
    expect(theirs.items[0]).toMatchObject({ status: "not_started", spanCount: 0 });
  });
});
