import { beforeAll, describe, expect, it } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import type { SpanContent, SpanEdit } from "@/domain/span-edits";
import { createProject, listLabels, setMembership } from "../services/projects";
import type { PublicUser } from "../services/users";
import { callerAs } from "../test-support/callers";
import { newDocument } from "../test-support/documents";
import { layerVersion } from "../test-support/layers";
import { expectTrpcError } from "../test-support/trpc-errors";
import { newUser } from "../test-support/users";

let db: Db;
let annotator: PublicUser;
let stranger: PublicUser;
const projectIds = { strict: 0, loose: 0 };
const labelIds = { ORG: 0, PER: 0 };

const as = (user: PublicUser) => callerAs(db, user);
/** The user's layer version as an up-to-date page sends it. */
const seen = (user: PublicUser, documentId: number) => layerVersion(db, documentId, user.id);

const spanSummary = async (documentId: number) =>
  (await as(annotator).document.workspace({ documentId })).annotation.spans.map(
    (span) => `${span.start}-${span.end}`,
  );

beforeAll(async () => {
  db = await openTestDatabase();
  annotator = await newUser(db, "ann");
  stranger = await newUser(db, "sam");
  for (const [slug, allowOverlap] of [
    ["strict", false],
    ["loose", true],
  ] as const) {
    const project = await createProject(db, {
      slug,
      name: slug,
      labels: ["ORG", "PER"],
      allowOverlap,
    });
    projectIds[slug] = project.id;
    await setMembership(db, project.id, annotator.id, "annotator");
    await setMembership(db, project.id, stranger.id, "annotator");
  }
  // Both projects' labels share names; the tests use the strict project's ids unless noted.
  for (const label of await listLabels(db, projectIds.strict)) {
    labelIds[label.name as keyof typeof labelIds] = label.id;
  }
});

const add = (spans: SpanContent[]): SpanEdit => ({ kind: "add", spans });
const remove = (spans: SpanContent[]): SpanEdit => ({ kind: "delete", spans });

describe("annotation.edit in batches", () => {
  it("adds every span in one change", async () => {
    const documentId = await newDocument(db, projectIds.strict, "Ana met Bob and Cy");
    const result = await as(annotator).annotation.edit({
      documentId,
      baseVersion: await seen(annotator, documentId),
      edits: [
        add([
          { start: 0, end: 3, labelId: labelIds.PER },
          { start: 8, end: 11, labelId: labelIds.PER },
          { start: 16, end: 18, labelId: labelIds.ORG },
        ]),
      ],
    });
    expect(result.spans.map((span) => span.start)).toEqual([0, 8, 16]);
    expect(await spanSummary(documentId)).toEqual(["0-3", "8-11", "16-18"]);
    const workspace = await as(annotator).document.workspace({ documentId });
    expect(workspace.annotation.version).toBe(result.version);
  });

  it("adds nothing when one span is refused, and names both texts", async () => {
    const documentId = await newDocument(db, projectIds.strict, "Ana met Bob");
    await expectTrpcError(
      as(annotator).annotation.edit({
        documentId,
        baseVersion: await seen(annotator, documentId),
        edits: [
          add([
            { start: 0, end: 3, labelId: labelIds.PER },
            { start: 2, end: 5, labelId: labelIds.PER },
          ]),
        ],
      }),
      "BAD_REQUEST",
      /^“Ana” overlaps the PER span “a m”, and this project does not allow overlapping spans$/,
    );
    expect(await spanSummary(documentId)).toEqual([]);
  });

  it("refuses an empty list and a bad offset before touching anything", async () => {
    const documentId = await newDocument(db, projectIds.strict, "Ana");
    await expectTrpcError(
      as(annotator).annotation.edit({
        documentId,
        baseVersion: await seen(annotator, documentId),
        edits: [],
      }),
      "BAD_REQUEST",
    );
    await expectTrpcError(
      as(annotator).annotation.edit({
        documentId,
        baseVersion: await seen(annotator, documentId),
        edits: [add([])],
      }),
      "BAD_REQUEST",
    );
    await expectTrpcError(
      as(annotator).annotation.edit({
        documentId,
        baseVersion: await seen(annotator, documentId),
        edits: [add([{ start: 0, end: 9, labelId: labelIds.PER }])],
      }),
      "BAD_REQUEST",
      /past the end/,
    );
  });

  it("gives NOT_FOUND for a document outside the caller's projects", async () => {
    const otherProject = await createProject(db, {
      slug: "private",
      name: "private",
      labels: ["X"],
    });
    const documentId = await newDocument(db, otherProject.id, "Ana");
    await expectTrpcError(
      as(annotator).annotation.edit({
        documentId,
        baseVersion: await seen(annotator, documentId),
        edits: [add([{ start: 0, end: 3, labelId: labelIds.PER }])],
      }),
      "NOT_FOUND",
    );
  });

  it("deletes the listed spans in one change", async () => {
    const documentId = await newDocument(db, projectIds.strict, "Ana met Bob and Cy");
    const spans = [
      { start: 0, end: 3, labelId: labelIds.PER },
      { start: 8, end: 11, labelId: labelIds.PER },
      { start: 16, end: 18, labelId: labelIds.ORG },
    ];
    const added = await as(annotator).annotation.edit({
      documentId,
      baseVersion: await seen(annotator, documentId),
      edits: [add(spans)],
    });
    const deleted = await as(annotator).annotation.edit({
      documentId,
      baseVersion: await seen(annotator, documentId),
      edits: [remove([spans[0], spans[2]].flatMap((span) => span ?? []))],
    });
    expect(deleted.version).toBe(added.version + 1);
    expect(await spanSummary(documentId)).toEqual(["8-11"]);
  });

  it("deletes only from the caller's layer when someone else has the same span", async () => {
    const documentId = await newDocument(db, projectIds.loose, "Ana met Bob");
    const [per] = (await listLabels(db, projectIds.loose)).filter((label) => label.name === "PER");
    const span = { start: 0, end: 3, labelId: per?.id ?? 0 };
    await as(annotator).annotation.edit({
      documentId,
      baseVersion: await seen(annotator, documentId),
      edits: [add([span])],
    });
    await as(stranger).annotation.edit({
      documentId,
      baseVersion: await seen(stranger, documentId),
      edits: [add([span])],
    });
    await as(annotator).annotation.edit({
      documentId,
      baseVersion: await seen(annotator, documentId),
      edits: [remove([span])],
    });
    expect(await spanSummary(documentId)).toEqual([]);
    const theirs = await as(stranger).document.workspace({ documentId });
    expect(theirs.annotation.spans).toHaveLength(1);
  });

  it("adds 5,000 spans to a layer of 5,000 in one change", async () => {
    const documentId = await newDocument(db, projectIds.strict, "ab ".repeat(10_000));
    const spans = (from: number) =>
      Array.from({ length: 5_000 }, (_, i) => ({
        start: (from + i) * 3,
        end: (from + i) * 3 + 2,
        labelId: labelIds.ORG,
      }));
    const first = await as(annotator).annotation.edit({
      documentId,
      baseVersion: await seen(annotator, documentId),
      edits: [add(spans(0))],
    });
    const result = await as(annotator).annotation.edit({
      documentId,
      baseVersion: await seen(annotator, documentId),
      edits: [add(spans(5_000))],
    });
    expect(result.spans).toHaveLength(5_000);
    expect(result.version).toBe(first.version + 1);
    expect(await spanSummary(documentId)).toHaveLength(10_000);
  });
});

describe("document.workspace queue and settings", () => {
  it("returns the project's editing settings", async () => {
    const documentId = await newDocument(db, projectIds.loose, "Ana");
    const workspace = await as(annotator).document.workspace({ documentId });
    expect(workspace.settings).toEqual({ tokenSnapping: true, allowOverlap: true });
  });

  it("follows the caller's assignments when they have some, and counts their submissions", async () => {
    const project = await createProject(db, { slug: "queue", name: "queue", labels: ["X"] });
    await setMembership(db, project.id, annotator.id, "annotator");
    await setMembership(db, project.id, stranger.id, "annotator");
    const a = await newDocument(db, project.id, "a");
    const b = await newDocument(db, project.id, "b");
    const c = await newDocument(db, project.id, "c");
    // The stranger has no assignment, so they see every document in id order.
    let workspace = await as(stranger).document.workspace({ documentId: b });
    expect([workspace.previousDocumentId, workspace.nextDocumentId]).toEqual([a, c]);
    expect(workspace.progress).toEqual({ submitted: 0, assigned: 3 });

    await db.insert(tablesOf(db).assignments).values([
      { documentId: c, userId: annotator.id, position: 1 },
      { documentId: a, userId: annotator.id, position: 2 },
    ]);
    workspace = await as(annotator).document.workspace({ documentId: c });
    expect([workspace.previousDocumentId, workspace.nextDocumentId]).toEqual([null, a]);
    expect(workspace.nextUnsubmittedDocumentId).toBe(a);
    expect(workspace.progress).toEqual({ submitted: 0, assigned: 2 });

    await as(annotator).annotation.submit({ documentId: a, baseVersion: await seen(annotator, a) });
    workspace = await as(annotator).document.workspace({ documentId: c });
    expect(workspace.nextUnsubmittedDocumentId).toBeNull();
    expect(workspace.progress).toEqual({ submitted: 1, assigned: 2 });
  });
});
