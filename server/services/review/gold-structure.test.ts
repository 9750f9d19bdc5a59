import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { invertEdit, type SpanEdit } from "@/domain/span-edits";
import { importJsonl } from "../datasets/import-jsonl";
import { addMember, createProject, listLabels } from "../projects";
import { callerAs } from "../../test-support/callers";
import { layerVersion } from "../../test-support/layers";
import { addReviewScheme, writeLayerStructure } from "../../test-support/review-structure";
import { newUser } from "../../test-support/users";

// "Kim met Lee in Kursk.": Kim [0, 3) PER, Kursk [15, 20) LOC, marked alike by ann and bob.
const text = "Kim met Lee in Kursk.";
const spans = [
  { start: 0, end: 3, label: "PER" },
  { start: 15, end: 20, label: "LOC" },
];
const layer = (annotator: string) => ({ annotator, status: "submitted", spans });

let db: Db;
let documentId: number;
let caller: ReturnType<typeof callerAs>;
let ids: { per: number; loc: number };

beforeEach(async () => {
  db = await openTestDatabase();
  const reviewer = await newUser(db, "rev");
  const { id: projectId } = await createProject(db, {
    slug: "p",
    name: "P",
    labels: ["PER", "LOC"],
  });
  await addMember(db, { projectSlug: "p", email: "rev@example.com", role: "reviewer" });
  await importJsonl(
    db,
    "p",
    JSON.stringify({ id: "d", text, annotations: [layer("ann"), layer("bob")] }),
  );
  await addReviewScheme(db, projectId);
  caller = callerAs(db, reviewer);
  documentId = (await caller.review.documents({ projectSlug: "p" })).items[0]?.id ?? 0;
  await writeLayerStructure(db, documentId, "ann", {
    relations: [{ type: "located_in", source: 0, target: 15 }],
    attributes: { 0: { negated: true, certainty: "high" } },
    choices: ["pos"],
  });
  await writeLayerStructure(db, documentId, "bob", {
    relations: [{ type: "located_in", source: 15, target: 0 }],
    attributes: { 0: { certainty: "high" } },
    choices: ["neg"],
  });
  const labels = await listLabels(db, projectId);
  const labelId = (name: string) => labels.find((label) => label.name === name)?.id ?? 0;
  ids = { per: labelId("PER"), loc: labelId("LOC") };
});

const gold = async () => ({ documentId, baseVersion: await layerVersion(db, documentId, null) });
const kim = () => ({ start: 0, end: 3, labelId: ids.per });
const kursk = () => ({ start: 15, end: 20, labelId: ids.loc });
const undo = (applied: SpanEdit[]) => [...applied].reverse().map(invertEdit);

describe("curating relations, attributes and document labels", () => {
  it("shows who drew which relation, the attribute values and the answers, none in gold yet", async () => {
    const { structure } = await caller.review.document({ documentId });
    expect(structure.relations).toMatchObject([
      {
        kind: "conflict",
        endsInGold: false,
        variants: [
          { type: "located_in", annotators: ["ann"], inGold: false },
          { type: "located_in", annotators: ["bob"], inGold: false },
        ],
        without: [],
      },
    ]);
    expect(structure.attributes).toMatchObject([
      { attribute: "negated", kind: "conflict", spanInGold: false },
      {
        attribute: "certainty",
        kind: "agreed",
        variants: [{ value: "high", annotators: ["ann", "bob"] }],
      },
    ]);
    expect(structure.documentLabels).toMatchObject([
      {
        set: "stance",
        kind: "conflict",
        variants: [
          { options: ["pos"], annotators: ["ann"] },
          { options: ["neg"], annotators: ["bob"] },
        ],
      },
    ]);
  });

  it("refuses a relation whose ends are not both in gold, naming them, and changes nothing", async () => {
    const relation = { source: kim(), target: kursk(), typeId: 0 };
    const { structure } = await caller.review.document({ documentId });
    relation.typeId = structure.relations[0]?.variants[0]?.relation?.typeId ?? 0;
    await expect(
      caller.review.settleRelations({ ...(await gold()), ends: [kim(), kursk()], relation }),
    ).rejects.toThrow("accept “Kim” and “Kursk” into gold first");
    expect(await layerVersion(db, documentId, null)).toBe(0);
  });

  it("settles a relation into gold, replaces it by the other version, and undoes that", async () => {
    await caller.review.acceptAgreed(await gold());
    const { structure } = await caller.review.document({ documentId });
    const [conflict] = structure.relations;
    const [ann, bob] = conflict?.variants.map((variant) => variant.relation) ?? [];
    if (!conflict || !ann || !bob) throw new Error("no relation variants");
    expect(conflict.endsInGold).toBe(true);
    const ends: [typeof ann.source, typeof ann.source] = [kim(), kursk()];

    await caller.review.settleRelations({ ...(await gold()), ends, relation: ann });
    expect((await caller.review.document({ documentId })).gold.relations).toEqual([ann]);
    const replaced = await caller.review.settleRelations({
      ...(await gold()),
      ends,
      relation: bob,
    });
    const after = await caller.review.document({ documentId });
    expect(after.gold.relations).toEqual([bob]);
    expect(after.structure.relations[0]?.variants.map((v) => v.inGold)).toEqual([false, true]);

    await caller.review.editGold({ ...(await gold()), edits: undo(replaced.applied) });
    expect((await caller.review.document({ documentId })).gold.relations).toEqual([ann]);
    await caller.review.settleRelations({ ...(await gold()), ends, relation: null });
    expect((await caller.review.document({ documentId })).gold.relations).toEqual([]);
  });

  it("sets a gold span's attribute and gold's document labels through gold edits", async () => {
    await caller.review.acceptAgreed(await gold());
    const { structure } = await caller.review.document({ documentId });
    const negated = structure.attributes.find((a) => a.attribute === "negated");
    const stance = structure.documentLabels[0];
    const neg = stance?.variants.find((v) => v.options[0] === "neg")?.optionIds ?? [];
    await caller.review.editGold({
      ...(await gold()),
      edits: [
        {
          kind: "describe",
          span: kim(),
          from: { attributes: negated?.goldAttributes ?? {} },
          to: { attributes: { negated: true } },
        },
        { kind: "choose", setId: stance?.setId ?? 0, from: [], to: neg },
      ],
    });
    const after = await caller.review.document({ documentId });
    expect(after.gold.spans.find((span) => span.start === 0)?.attributes).toEqual({
      negated: true,
    });
    expect(after.gold.choices).toEqual(neg);
    expect(after.structure.attributes[0]?.variants.find((v) => v.value === true)?.inGold).toBe(
      true,
    );
    expect(after.structure.documentLabels[0]?.variants.map((v) => v.inGold)).toEqual([false, true]);
  });
});
