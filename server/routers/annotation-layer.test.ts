import { NoopLogger } from "drizzle-orm/logger";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { dialectOf, type Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { resolveEdits } from "@/domain/layer-state";
import {
  invertEdits,
  type RelationContent,
  type SpanContent,
  type SpanEdit,
} from "@/domain/span-edits";
import { createProject, listLabels, setMembership } from "../services/projects";
import type { PublicUser } from "../services/users";
import { callerAs } from "../test-support/callers";
import { newDocument } from "../test-support/documents";
import { layerVersion } from "../test-support/layers";
import { addDocumentLabelSet, addLabelAttribute, addRelationType } from "../test-support/scheme";
import { expectTrpcError } from "../test-support/trpc-errors";
import { newUser } from "../test-support/users";

let db: Db;
let ann: PublicUser;
let bob: PublicUser;
let projectId = 0;
const label = { PER: 0, LOC: 0 };
const type = { locatedIn: 0, meets: 0 };
let topic = { id: 0, options: {} as Record<string, number> };
const text = "Kim met Lee in Kursk.";
const at = (words: string, labelId: number): SpanContent => {
  const start = text.indexOf(words);
  return { start, end: start + words.length, labelId };
};

const as = (user: PublicUser) => callerAs(db, user);
const edit = async (user: PublicUser, documentId: number, edits: SpanEdit[]) =>
  as(user).annotation.edit({
    documentId,
    baseVersion: await layerVersion(db, documentId, user.id),
    edits,
  });
const layerOf = async (user: PublicUser, documentId: number) =>
  (await as(user).document.workspace({ documentId })).annotation;

beforeAll(async () => {
  db = await openTestDatabase();
  ann = await newUser(db, "ann");
  bob = await newUser(db, "bob");
  const project = await createProject(db, { slug: "rel", name: "rel", labels: ["PER", "LOC"] });
  projectId = project.id;
  for (const user of [ann, bob]) await setMembership(db, projectId, user.id, "annotator");
  for (const { id, name } of await listLabels(db, projectId)) {
    label[name as keyof typeof label] = id;
  }
  type.locatedIn = await addRelationType(db, projectId, {
    name: "located_in",
    sourceLabelIds: [label.PER],
    targetLabelIds: [label.LOC],
  });
  type.meets = await addRelationType(db, projectId, { name: "meets", directed: false });
  await addLabelAttribute(db, label.PER, { name: "negated", kind: "boolean" });
  await addLabelAttribute(db, label.LOC, { name: "negated", kind: "boolean" });
  topic = await addDocumentLabelSet(db, projectId, {
    name: "topic",
    options: ["military", "economy"],
  });
});

/** A document where ann has tagged Kim (negated) and Kursk and related them. */
async function relatedDocument() {
  const documentId = await newDocument(db, projectId, text);
  const kim = at("Kim", label.PER);
  const kursk = at("Kursk", label.LOC);
  const relation: RelationContent = { source: kim, target: kursk, typeId: type.locatedIn };
  await edit(ann, documentId, [
    { kind: "add", spans: [{ ...kim, attributes: { negated: true } }, kursk] },
    { kind: "relate", relations: [relation] },
  ]);
  return { documentId, kim, kursk, relation };
}

describe("annotation.edit with relations, details and document labels", () => {
  it("stores relations, attributes and choices, and the workspace reads them back", async () => {
    const { documentId, kim, relation } = await relatedDocument();
    await edit(ann, documentId, [
      { kind: "choose", setId: topic.id, from: [], to: [topic.options.military ?? 0] },
    ]);
    const layer = await layerOf(ann, documentId);
    expect(layer.relations).toEqual([relation]);
    expect(layer.choices).toEqual([topic.options.military]);
    expect(layer.spans[0]).toMatchObject({ ...kim, attributes: { negated: true }, note: "" });
    const { scheme } = await as(ann).document.workspace({ documentId });
    expect(scheme.relationTypes.map((t) => [t.name, t.directed])).toEqual([
      ["located_in", true],
      ["meets", false],
    ]);
    expect(scheme.documentLabelSets).toMatchObject([
      { name: "topic", multiple: false, options: [{ name: "military" }, { name: "economy" }] },
    ]);
  });

  it("refuses a relation to a span of another layer", async () => {
    const documentId = await newDocument(db, projectId, text);
    const kursk = at("Kursk", label.LOC);
    await edit(bob, documentId, [{ kind: "add", spans: [kursk] }]);
    const kim = at("Kim", label.PER);
    await edit(ann, documentId, [{ kind: "add", spans: [kim] }]);
    await expectTrpcError(
      edit(ann, documentId, [
        { kind: "relate", relations: [{ source: kim, target: kursk, typeId: type.locatedIn }] },
      ]),
      "NOT_FOUND",
      /^cannot relate “Kim” to “Kursk” as located_in: the LOC “Kursk” span is not in this layer$/,
    );
    expect((await layerOf(ann, documentId)).relations).toEqual([]);
  });

  it("refuses a label the relation type forbids, naming type and labels", async () => {
    const { documentId, kim, kursk } = await relatedDocument();
    await expectTrpcError(
      edit(ann, documentId, [
        { kind: "relate", relations: [{ source: kursk, target: kim, typeId: type.locatedIn }] },
      ]),
      "BAD_REQUEST",
      /^located_in cannot start at the LOC “Kursk” span: it takes PER$/,
    );
  });

  it("keeps relations and attributes through a relabel and a resize, on the same row", async () => {
    const { documentId, kim, kursk } = await relatedDocument();
    const before = await layerOf(ann, documentId);
    const kimRow = before.spans.find((span) => span.start === kim.start)?.id;
    await edit(ann, documentId, [
      { kind: "resize", span: kim, start: kim.start, end: at("Kim met", label.PER).end },
    ]);
    const resized = at("Kim met", label.PER);
    const meets = { source: resized, target: at("Lee", label.PER), typeId: type.meets };
    await edit(ann, documentId, [
      { kind: "add", spans: [at("Lee", label.PER)] },
      { kind: "relate", relations: [{ ...meets, source: meets.target, target: meets.source }] },
      { kind: "relabel", ...kursk, from: label.LOC, to: label.LOC },
    ]);
    const after = await layerOf(ann, documentId);
    expect(after.spans.find((span) => span.start === kim.start)).toMatchObject({
      id: kimRow,
      ...resized,
      attributes: { negated: true },
    });
    // The undirected relation is named with its earlier span first, however it was drawn.
    expect(after.relations).toEqual([
      meets,
      { source: resized, target: kursk, typeId: type.locatedIn },
    ]);
    await expectTrpcError(
      edit(ann, documentId, [{ kind: "relabel", ...kursk, from: label.LOC, to: label.PER }]),
      "BAD_REQUEST",
      /^located_in cannot end at the PER “Kursk” span: it takes LOC$/,
    );
  });

  it("deletes a span's relations with it, and the inverse of what it applied restores both", async () => {
    const { documentId, kim, relation } = await relatedDocument();
    const before = await layerOf(ann, documentId);
    const deletion: SpanEdit = { kind: "delete", spans: [kim] };
    // What the page's store records as the step to undo.
    const applied = resolveEdits(before, deletion);
    await edit(ann, documentId, [deletion]);
    expect(applied).toEqual([
      { kind: "unrelate", relations: [relation] },
      { kind: "delete", spans: [{ ...kim, attributes: { negated: true } }] },
    ]);
    expect((await layerOf(ann, documentId)).relations).toEqual([]);
    await edit(ann, documentId, invertEdits(applied));
    const restored = await layerOf(ann, documentId);
    expect(restored.relations).toEqual(before.relations);
    expect(restored.spans.map(({ id: _, ...span }) => span)).toEqual(
      before.spans.map(({ id: _, ...span }) => span),
    );
  });

  it("still refuses a write made over an older version, changing nothing", async () => {
    const { documentId, kim } = await relatedDocument();
    const stale = await layerVersion(db, documentId, ann.id);
    await edit(ann, documentId, [
      { kind: "describe", span: kim, from: {}, to: { note: "seen twice" } },
    ]);
    await expectTrpcError(
      as(ann).annotation.edit({
        documentId,
        baseVersion: stale,
        edits: [{ kind: "delete", spans: [kim] }],
      }),
      "CONFLICT",
    );
    const layer = await layerOf(ann, documentId);
    expect(layer.spans[0]?.note).toBe("seen twice");
    expect(layer.relations).toHaveLength(1);
  });
});

describe("a keystroke in a large layer", () => {
  it("stays a few small statements with 5,000 spans and 2,000 relations", async () => {
    const words = Array.from({ length: 5_001 }, (_, i) => `w${String(i).padStart(4, "0")}`);
    const long = words.join(" ");
    const documentId = await newDocument(db, projectId, long);
    const word = (i: number, labelId: number): SpanContent => ({
      start: i * 6,
      end: i * 6 + 5,
      labelId,
    });
    const spans = Array.from({ length: 5_000 }, (_, i) => word(i, i % 2 ? label.LOC : label.PER));
    await edit(ann, documentId, [{ kind: "add", spans }]);
    const relations = Array.from({ length: 2_000 }, (_, i) => ({
      source: word(2 * i, label.PER),
      target: word(2 * i + 1, label.LOC),
      typeId: type.locatedIn,
    }));
    await edit(ann, documentId, [{ kind: "relate", relations }]);
    const statements = vi.spyOn(NoopLogger.prototype, "logQuery");
    const count = async (edits: SpanEdit[]) => {
      const baseVersion = await layerVersion(db, documentId, ann.id);
      statements.mockClear();
      await as(ann).annotation.edit({ documentId, baseVersion, edits });
      return statements.mock.calls.length;
    };
    const counts = {
      tag: await count([{ kind: "add", spans: [word(5_000, label.PER)] }]),
      resize: await count([
        { kind: "resize", span: word(4_001, label.LOC), start: 4_001 * 6, end: 4_001 * 6 + 4 },
      ]),
      deleteRelated: await count([{ kind: "delete", spans: [word(10, label.PER)] }]),
      relate: await count([
        {
          kind: "relate",
          relations: [
            { source: word(0, label.PER), target: word(3, label.LOC), typeId: type.locatedIn },
          ],
        },
      ]),
      describe: await count([
        { kind: "describe", span: word(12, label.PER), from: {}, to: { note: "n" } },
      ]),
    };
    statements.mockRestore();
    console.info("statements per keystroke in a layer of 5,000 spans, 2,000 relations:", counts);
    // A tag took nine statements before relations existed: access (4), the layer's row, the
    // spans around it, the labels, the insert and the version. Relations add their reads only
    // to edits that can touch them. PostgreSQL's driver also logs the transaction's BEGIN and
    // COMMIT, which SQLite's issues unlogged.
    const transaction = dialectOf(db) === "postgres" ? 2 : 0;
    expect(counts.tag).toBe(9 + transaction);
    for (const n of Object.values(counts)) expect(n).toBeLessThanOrEqual(13 + transaction);
    // One relation went with the deleted span, one was drawn.
    expect((await layerOf(ann, documentId)).relations).toHaveLength(2_000);
  });
});
