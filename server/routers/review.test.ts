import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { computeProjectAgreement } from "@/domain/agreement/project-agreement";
import { invertEdit } from "@/domain/span-edits";
import { appRouter } from "../root";
import { exportJsonl } from "../services/datasets/export-jsonl";
import { parseExportSource } from "../services/datasets/export-source";
import { importJsonl } from "../services/datasets/import-jsonl";
import { addMember, createProject, listLabels } from "../services/projects";
import { loadAgreementInput } from "../services/review/agreement";
import type { PublicUser } from "../services/users";
import { callerAs } from "../test-support/callers";
import { layerVersion } from "../test-support/layers";
import { newUser } from "../test-support/users";

const text = "Ann Lee met Bob in Paris.";
// ann and bob agree on "Paris"; differ on the boundary of "Ann Lee" and on the label of "Bob".
const document = {
  id: "d1",
  text,
  annotations: [
    {
      annotator: "ann",
      status: "submitted",
      spans: [
        { start: 0, end: 7, label: "PER" },
        { start: 12, end: 15, label: "PER" },
        { start: 19, end: 24, label: "LOC" },
      ],
    },
    {
      annotator: "bob",
      status: "submitted",
      spans: [
        { start: 0, end: 3, label: "PER" },
        { start: 12, end: 15, label: "ORG" },
        { start: 19, end: 24, label: "LOC" },
      ],
    },
  ],
};

let db: Db;
let reviewer: PublicUser;
let annotator: PublicUser;
let documentId: number;
let projectId: number;

const as = (user: PublicUser) => callerAs(db, user);

beforeEach(async () => {
  db = await openTestDatabase();
  reviewer = await newUser(db, "rev");
  annotator = await newUser(db, "ann");
  projectId = (await createProject(db, { slug: "p", name: "P", labels: ["PER", "ORG", "LOC"] })).id;
  await addMember(db, { projectSlug: "p", email: "rev@example.com", role: "reviewer" });
  await importJsonl(db, "p", JSON.stringify(document));
  documentId = (await as(reviewer).review.documents({ projectSlug: "p" })).items[0]?.id ?? 0;
});

type Caller = ReturnType<typeof as>;

/** The gold layer's version as an up-to-date curation view sends it. */
const gold = () => layerVersion(db, documentId, null);

const labelId = async (name: string) =>
  (await listLabels(db, projectId)).find((label) => label.name === name)?.id ?? 0;

async function exported(source: "gold" | "all") {
  const lines: string[] = [];
  for await (const line of exportJsonl(db, "p", parseExportSource(source))) lines.push(line);
  return lines.map(
    (line) =>
      JSON.parse(line) as {
        annotations: { annotator: string; status: string; spans: unknown[] }[];
      },
  );
}

const exportedGold = () => exported("gold");

describe("review procedures", () => {
  it("are FORBIDDEN to an annotator, every one of them", async () => {
    const caller = as(annotator);
    const calls = [
      caller.review.agreement({ projectSlug: "p" }),
      caller.review.documents({ projectSlug: "p" }),
      caller.review.document({ documentId }),
      caller.review.acceptAgreed({ documentId, baseVersion: 0 }),
      caller.review.acceptVariant({ documentId, baseVersion: 0, start: 0, end: 3, labelId: 1 }),
      caller.review.rejectRegion({ documentId, baseVersion: 0, start: 0, end: 3 }),
      caller.review.editGold({
        documentId,
        baseVersion: 0,
        edits: [{ kind: "delete", spans: [{ start: 0, end: 3, labelId: 1 }] }],
      }),
      caller.review.setGoldStatus({ documentId, baseVersion: 0, status: "curated" }),
      caller.review.settleRelations({
        documentId,
        baseVersion: 0,
        ends: [
          { start: 0, end: 3, labelId: 1 },
          { start: 12, end: 15, labelId: 1 },
        ],
        relation: null,
      }),
    ];
    const reviewProcedures = Object.keys(appRouter._def.procedures).filter((path) =>
      path.startsWith("review."),
    );
    expect(calls).toHaveLength(reviewProcedures.length);
    // Awaited together: a call left waiting while another is awaited would reject unhandled.
    await Promise.all(
      calls.map((call) =>
        expect(call).rejects.toSatisfy(
          (error) => error instanceof TRPCError && error.code === "FORBIDDEN",
        ),
      ),
    );
    expect(await exportedGold()).toEqual([]);
  });

  it("report the same agreement as the metrics module on the submitted work", async () => {
    const agreement = await as(reviewer).review.agreement({ projectSlug: "p" });
    const expected = computeProjectAgreement(await loadAgreementInput(db, projectId));
    expect({ ...agreement, documents: expected.documents }).toEqual(expected);
    expect(agreement.annotators).toEqual(["ann", "bob"]);
    // 2 exact matches (Paris LOC) out of 3 + 3 spans.
    expect(agreement.span.pairs[0]?.exactF1).toBeCloseTo((2 * 1) / 6);
  });

  it("mark each region with how the annotators differ", async () => {
    const review = await as(reviewer).review.document({ documentId });
    expect(review.regions.map((r) => [text.slice(r.start, r.end), r.kind])).toEqual([
      ["Ann Lee", "boundary"],
      ["Bob", "label"],
      ["Paris", "agreed"],
    ]);
    expect(review.regions.every((r) => !r.settled)).toBe(true);
  });

  it("curate a gold layer that export --source gold takes", async () => {
    const caller = as(reviewer);
    expect(
      await caller.review.acceptAgreed({ documentId, baseVersion: await gold() }),
    ).toMatchObject({
      added: 1,
    });
    await caller.review.acceptVariant({
      documentId,
      baseVersion: await gold(),
      start: 0,
      end: 7,
      labelId: await labelId("PER"),
    });
    await caller.review.acceptVariant({
      documentId,
      baseVersion: await gold(),
      start: 0,
      end: 3,
      labelId: await labelId("PER"),
    });
    await caller.review.rejectRegion({ documentId, baseVersion: await gold(), start: 12, end: 15 });
    await caller.review.setGoldStatus({ documentId, baseVersion: await gold(), status: "curated" });

    const review = await caller.review.document({ documentId });
    expect(review.regions.every((r) => r.settled)).toBe(true);
    expect(review.gold.status).toBe("curated");
    // Picking bob's "Ann" replaced ann's "Ann Lee": overlaps are not allowed in this project.
    expect((await exportedGold())[0]?.annotations).toEqual([
      {
        annotator: "gold",
        status: "curated",
        spans: [
          { start: 0, end: 3, label: "PER" },
          { start: 19, end: 24, label: "LOC" },
        ],
      },
    ]);
  });

  it("edit gold by the annotators' rules, each change one version", async () => {
    const caller = as(reviewer);
    const { version: before } = await caller.review.acceptVariant({
      documentId,
      baseVersion: await gold(),
      start: 12,
      end: 15,
      labelId: await labelId("PER"),
    });
    const annLee = { start: 0, end: 7, labelId: await labelId("PER") };
    const added = await caller.review.editGold({
      documentId,
      baseVersion: before,
      edits: [{ kind: "add", spans: [annLee] }],
    });
    expect(added.version).toBe(before + 1);
    await expect(
      caller.review.editGold({
        documentId,
        baseVersion: added.version,
        edits: [{ kind: "add", spans: [{ start: 4, end: 11, labelId: await labelId("ORG") }] }],
      }),
    ).rejects.toThrow(/“Lee met” overlaps the PER span “Ann Lee”/);
    const relabelled = await caller.review.editGold({
      documentId,
      baseVersion: added.version,
      edits: [{ kind: "relabel", ...annLee, from: annLee.labelId, to: await labelId("ORG") }],
    });
    expect(relabelled.version).toBe(added.version + 1);
    // The region of "Ann Lee" and "Ann" is replaced by bob's "Ann" in one change.
    const accepted = await caller.review.acceptVariant({
      documentId,
      baseVersion: await gold(),
      start: 0,
      end: 3,
      labelId: await labelId("PER"),
    });
    expect(accepted.version).toBe(relabelled.version + 1);
    const review = await caller.review.document({ documentId });
    expect(review.gold.spans.map((span) => [span.start, span.end])).toEqual([
      [0, 3],
      [12, 15],
    ]);
  });

  it("never count the gold layer as an annotator", async () => {
    await as(reviewer).review.acceptAgreed({ documentId, baseVersion: await gold() });
    const agreement = await as(reviewer).review.agreement({ projectSlug: "p" });
    expect(agreement.annotators).toEqual(["ann", "bob"]);
    const all = await exported("all");
    expect(all[0]?.annotations.map((a) => a.annotator)).toEqual(["ann", "bob"]);
  });
});

describe("curated gold", () => {
  async function curate() {
    const caller = as(reviewer);
    await caller.review.acceptAgreed({ documentId, baseVersion: await gold() });
    await caller.review.setGoldStatus({ documentId, baseVersion: await gold(), status: "curated" });
    return caller;
  }

  it.each([
    [
      "adding a span",
      async (c: Caller) =>
        c.review.editGold({
          documentId,
          baseVersion: await gold(),
          edits: [{ kind: "add", spans: [{ start: 0, end: 3, labelId: await labelId("PER") }] }],
        }),
    ],
    [
      "accepting a variant",
      async (c: Caller) =>
        c.review.acceptVariant({
          documentId,
          baseVersion: await gold(),
          start: 12,
          end: 15,
          labelId: await labelId("ORG"),
        }),
    ],
    [
      "rejecting a region",
      async (c: Caller) =>
        c.review.rejectRegion({ documentId, baseVersion: await gold(), start: 0, end: 7 }),
    ],
    [
      "an edit by content",
      async (c: Caller) =>
        c.review.editGold({
          documentId,
          baseVersion: await gold(),
          edits: [
            { kind: "delete", spans: [{ start: 19, end: 24, labelId: await labelId("LOC") }] },
          ],
        }),
    ],
  ])("goes back to in progress on %s", async (_, edit) => {
    const caller = await curate();
    expect(await edit(caller)).toMatchObject({ status: "in_progress" });
    expect((await caller.review.document({ documentId })).gold.status).toBe("in_progress");
    expect(await exportedGold()).toEqual([]);
  });

  it("stays curated after an edit that changes nothing", async () => {
    const caller = await curate();
    const again = await caller.review.acceptAgreed({ documentId, baseVersion: await gold() });
    expect(again).toMatchObject({ added: 0, applied: [], status: "curated" });
    expect((await caller.review.document({ documentId })).gold.status).toBe("curated");
  });

  it("is put back by the inverse of what an edit applied", async () => {
    const caller = as(reviewer);
    await caller.review.acceptVariant({
      documentId,
      baseVersion: await gold(),
      start: 0,
      end: 7,
      labelId: await labelId("PER"),
    });
    const { applied } = await caller.review.acceptVariant({
      documentId,
      baseVersion: await gold(),
      start: 0,
      end: 3,
      labelId: await labelId("PER"),
    });
    expect(applied).toEqual([
      { kind: "delete", spans: [{ start: 0, end: 7, labelId: await labelId("PER") }] },
      { kind: "add", spans: [{ start: 0, end: 3, labelId: await labelId("PER") }] },
    ]);
    await caller.review.editGold({
      documentId,
      baseVersion: await gold(),
      edits: [...applied].reverse().map(invertEdit),
    });
    const review = await caller.review.document({ documentId });
    expect(review.gold.spans.map((span) => [span.start, span.end])).toEqual([[0, 7]]);
  });
});

describe("a reopened annotation", () => {
  it("leaves agreement and curation until it is submitted again", async () => {
    const ann = as(annotator);
    const edited = await ann.annotation.edit({
      documentId,
      baseVersion: await layerVersion(db, documentId, annotator.id),
      edits: [{ kind: "delete", spans: [{ start: 19, end: 24, labelId: await labelId("LOC") }] }],
    });
    expect(edited.status).toBe("in_progress");
    expect((await as(reviewer).review.agreement({ projectSlug: "p" })).annotators).toEqual(["bob"]);
    const review = await as(reviewer).review.document({ documentId });
    expect(review.annotators.map((a) => a.name)).toEqual(["bob"]);

    await ann.annotation.submit({ documentId, baseVersion: edited.version });
    expect((await as(reviewer).review.agreement({ projectSlug: "p" })).annotators).toEqual([
      "ann",
      "bob",
    ]);
  });
});

describe("the disagreement list", () => {
  const submitted = (annotator: string, spans: [number, number, string][]) => ({
    annotator,
    status: "submitted",
    spans: spans.map(([start, end, label]) => ({ start, end, label })),
  });
  beforeEach(async () => {
    // d1 (above) disagrees most; d2 disagrees on one word; d3 agrees; d4 is cy's and ann's.
    const more = [
      { id: "d2", annotations: [submitted("ann", [[0, 3, "PER"]]), submitted("bob", [])] },
      {
        id: "d3",
        annotations: [submitted("ann", [[19, 24, "LOC"]]), submitted("bob", [[19, 24, "LOC"]])],
      },
      {
        id: "d4",
        annotations: [submitted("ann", [[12, 15, "ORG"]]), submitted("cy", [[12, 15, "ORG"]])],
      },
    ];
    await importJsonl(db, "p", more.map((d) => JSON.stringify({ ...d, text })).join("\n"));
  });

  it("comes a page at a time, least agreement first, with what its filters offer", async () => {
    const list = (input: object) =>
      as(reviewer).review.documents({ projectSlug: "p", limit: 2, ...input });
    const first = await list({});
    expect(first.items.map((d) => d.externalId)).toEqual(["d2", "d1"]);
    expect(first).toMatchObject({ total: 4, nextCursor: 2 });
    expect(first.labels).toEqual(["LOC", "ORG", "PER"]);
    expect(first.annotators).toEqual(["ann", "bob", "cy"]);
    const second = await list({ cursor: 2 });
    expect(second.items.map((d) => d.externalId)).toEqual(["d3", "d4"]);
    expect(second.nextCursor).toBeNull();

    const byCy = await list({ annotator: "cy" });
    expect(byCy.items.map((d) => d.externalId)).toEqual(["d4"]);
    expect(byCy).toMatchObject({ total: 1, nextCursor: null });
    const byOrg = await list({ label: "ORG" });
    expect(byOrg.items.map((d) => d.externalId)).toEqual(["d1", "d4"]);
  });
});
