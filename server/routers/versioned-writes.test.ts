import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { appRouter } from "../root";
import { importJsonl } from "../services/datasets/import-jsonl";
import { addMember, createProject, listLabels } from "../services/projects";
import { StaleLayerError } from "../services/span-layer";
import type { PublicUser } from "../services/users";
import { callerAs, type Caller } from "../test-support/callers";
import { newDocument } from "../test-support/documents";
import { addRelationType } from "../test-support/scheme";
import { layerVersion } from "../test-support/layers";
import { expectTrpcError } from "../test-support/trpc-errors";
import { newUser } from "../test-support/users";

const text = "Ann Lee met Bob in Paris.";

let db: Db;
let annotator: PublicUser;
let reviewer: PublicUser;
let documentId: number;
let labelIds: Map<string, number>;
let relationTypeId: number;

beforeEach(async () => {
  db = await openTestDatabase();
  annotator = await newUser(db, "ann");
  reviewer = await newUser(db, "rev");
  await newUser(db, "bob");
  await createProject(db, { slug: "p", name: "P", labels: ["PER", "ORG", "LOC"] });
  await addMember(db, { projectSlug: "p", email: "rev@example.com", role: "reviewer" });
  const submitted = (annotatorName: string, label: string) => ({
    annotator: annotatorName,
    status: "submitted",
    spans: [
      { start: 0, end: 3, label: "PER" },
      { start: 12, end: 15, label },
    ],
  });
  await importJsonl(
    db,
    "p",
    JSON.stringify({
      id: "d1",
      text,
      annotations: [submitted("ann", "PER"), submitted("bob", "ORG")],
    }),
  );
  documentId = 1;
  labelIds = new Map((await listLabels(db, 1)).map((label) => [label.name, label.id]));
  // Gold exists and has moved on from version 0, so "stale" is an older version, not a missing one.
  await as(reviewer).review.editGold({
    documentId,
    baseVersion: 0,
    edits: [
      {
        kind: "add",
        spans: [
          { start: 4, end: 7, labelId: labelId("PER") },
          { start: 19, end: 24, labelId: labelId("LOC") },
        ],
      },
    ],
  });
  relationTypeId = await addRelationType(db, 1, { name: "located_in" });
});

const as = (user: PublicUser) => callerAs(db, user);
const labelId = (name: string) => labelIds.get(name) ?? 0;

/** Everything a layer write may change, to prove that a refused one changed none of it. */
async function layerTables() {
  const { annotations, spans, goldRejections } = tablesOf(db);
  const { annotationId, start, end } = goldRejections;
  return {
    annotations: await db.select().from(annotations).orderBy(annotations.id),
    spans: await db.select().from(spans).orderBy(spans.id),
    rejections: await db.select().from(goldRejections).orderBy(annotationId, start, end),
  };
}

type Write = [
  name: string,
  user: () => PublicUser,
  call: (c: Caller, baseVersion: number) => Promise<unknown>,
];

const annotatorWrites: Write[] = [
  [
    "annotation.edit",
    () => annotator,
    (c, baseVersion) =>
      c.annotation.edit({
        documentId,
        baseVersion,
        edits: [{ kind: "relabel", start: 0, end: 3, from: labelId("PER"), to: labelId("ORG") }],
      }),
  ],
  [
    "annotation.submit",
    () => annotator,
    (c, baseVersion) => c.annotation.submit({ documentId, baseVersion }),
  ],
];

const goldWrites: Write[] = [
  [
    "review.editGold",
    () => reviewer,
    (c, baseVersion) =>
      c.review.editGold({
        documentId,
        baseVersion,
        edits: [{ kind: "delete", spans: [{ start: 19, end: 24, labelId: labelId("LOC") }] }],
      }),
  ],
  [
    "review.acceptAgreed",
    () => reviewer,
    (c, baseVersion) => c.review.acceptAgreed({ documentId, baseVersion }),
  ],
  [
    "review.acceptVariant",
    () => reviewer,
    (c, baseVersion) =>
      c.review.acceptVariant({
        documentId,
        baseVersion,
        start: 12,
        end: 15,
        labelId: labelId("ORG"),
      }),
  ],
  [
    "review.rejectRegion",
    () => reviewer,
    (c, baseVersion) => c.review.rejectRegion({ documentId, baseVersion, start: 12, end: 15 }),
  ],
  [
    "review.settleRelations",
    () => reviewer,
    (c, baseVersion) => {
      const lee = { start: 4, end: 7, labelId: labelId("PER") };
      const paris = { start: 19, end: 24, labelId: labelId("LOC") };
      const relation = { source: lee, target: paris, typeId: relationTypeId };
      return c.review.settleRelations({ documentId, baseVersion, ends: [lee, paris], relation });
    },
  ],
  [
    "review.setGoldStatus",
    () => reviewer,
    (c, baseVersion) => c.review.setGoldStatus({ documentId, baseVersion, status: "curated" }),
  ],
];

const layerOf = (user: PublicUser) => (user === reviewer ? null : user.id);

describe("every write to a layer names the version it was made against", () => {
  it("covers every procedure that writes a layer", () => {
    const covered = [...annotatorWrites, ...goldWrites].map(([name]) => name).sort();
    const writes = Object.entries(appRouter._def.procedures)
      .filter(([path, procedure]) => {
        const type = (procedure as unknown as { _def: { type: string } })._def.type;
        return (
          type === "mutation" && (path.startsWith("annotation.") || path.startsWith("review."))
        );
      })
      .map(([path]) => path)
      .sort();
    expect(covered).toEqual(writes);
  });

  it.each([...annotatorWrites, ...goldWrites])(
    "%s: a stale version is a CONFLICT that changes nothing; the current one goes through",
    async (_, user, call) => {
      const current = await layerVersion(db, documentId, layerOf(user()));
      expect(current).toBeGreaterThan(0);
      const before = await layerTables();
      for (const stale of [current - 1, current + 1]) {
        const error = await expectTrpcError(
          call(as(user()), stale),
          "CONFLICT",
          /changed in another tab or by another person/,
        );
        expect(error.cause).toBeInstanceOf(StaleLayerError);
        expect((error.cause as StaleLayerError).currentVersion).toBe(current);
      }
      expect(await layerTables()).toEqual(before);

      await call(as(user()), current);
      expect(await layerVersion(db, documentId, layerOf(user()))).toBe(current + 1);
    },
  );

  it("counts a layer that does not exist yet as version 0, and creates none when refused", async () => {
    const fresh = await newDocument(db, 1, text);
    const add = (baseVersion: number) =>
      as(annotator).annotation.edit({
        documentId: fresh,
        baseVersion,
        edits: [{ kind: "add", spans: [{ start: 0, end: 3, labelId: labelId("PER") }] }],
      });
    const before = await layerTables();
    await expectTrpcError(add(1), "CONFLICT");
    expect(await layerTables()).toEqual(before);
    expect((await add(0)).version).toBe(1);
    expect((await as(annotator).document.workspace({ documentId: fresh })).annotation.version).toBe(
      1,
    );
  });

  it("refuses an edit from a tab that did not see the submission, which stays honest", async () => {
    const seen = await layerVersion(db, documentId, annotator.id);
    const tabA = as(annotator);
    const tabB = as(annotator);
    const reopened = await tabA.annotation.edit({
      documentId,
      baseVersion: seen,
      edits: [{ kind: "relabel", start: 12, end: 15, from: labelId("PER"), to: labelId("LOC") }],
    });
    const submitted = await tabA.annotation.submit({ documentId, baseVersion: reopened.version });
    await expectTrpcError(
      tabB.annotation.edit({
        documentId,
        baseVersion: seen,
        edits: [{ kind: "delete", spans: [{ start: 12, end: 15, labelId: labelId("PER") }] }],
      }),
      "CONFLICT",
    );
    const workspace = await tabB.document.workspace({ documentId });
    expect(workspace.annotation).toMatchObject({ status: "submitted", version: submitted.version });
    expect(workspace.annotation.spans.map((span) => span.labelId)).toEqual([
      labelId("PER"),
      labelId("LOC"),
    ]);
  });

  it("answers a stale write with the layer's current version for the client to reload", async () => {
    const current = await layerVersion(db, documentId, annotator.id);
    const error = await expectTrpcError(
      as(annotator).annotation.submit({ documentId, baseVersion: current - 1 }),
      "CONFLICT",
    );
    const shape = appRouter._def._config.errorFormatter({
      error,
      type: "mutation",
      path: "annotation.submit",
      input: undefined,
      ctx: undefined,
      shape: { message: error.message, code: -32009, data: { code: "CONFLICT", httpStatus: 409 } },
    });
    expect(shape.data).toMatchObject({ httpStatus: 409, layerVersion: current });
    expect(error).toBeInstanceOf(TRPCError);
  });
});

describe("a change of a layer", () => {
  it("stamps the layer with the moment it was made, to the second", async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    await as(annotator).annotation.edit({
      documentId,
      baseVersion: await layerVersion(db, documentId, annotator.id),
      edits: [{ kind: "add", spans: [{ start: 19, end: 24, labelId: labelId("LOC") }] }],
    });
    const after = Date.now();
    const row = await db.query.annotations.findFirst({
      where: (layer, { and, eq }) =>
        and(eq(layer.documentId, documentId), eq(layer.userId, annotator.id)),
    });
    expect(row?.updatedAt).toBeInstanceOf(Date);
    expect(row?.updatedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(row?.updatedAt.getTime()).toBeLessThanOrEqual(after);
  });
});
