import { describe, expect, it } from "vitest";
import { tablesOf } from "@/db/open-database";
import { expectTrpcError } from "../test-support/trpc-errors";
import { insertRelation, insertSpan, p, setUpScheme } from "../test-support/scheme-edits";

describe("scheme.relationType.create", () => {
  it("stores a type with its allowed labels, a default colour and no hotkey", async () => {
    const { owner, labels } = await setUpScheme();
    const type = await owner.scheme.relationType.create({
      ...p,
      type: {
        name: "located_in",
        sourceLabelIds: [labels.PER, labels.ORG],
        targetLabelIds: [labels.LOC],
      },
    });
    expect(type).toMatchObject({
      name: "located_in",
      directed: true,
      hotkey: null,
      sourceLabelIds: [labels.PER, labels.ORG],
      targetLabelIds: [labels.LOC],
    });
    expect(type.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("is refused to annotators, with the permission model's message", async () => {
    const { annotator } = await setUpScheme();
    await expectTrpcError(
      annotator.scheme.relationType.create({ ...p, type: { name: "x" } }),
      "FORBIDDEN",
      /only the project's owners/,
    );
  });

  it("refuses a name already used, a label of another project and a bad colour", async () => {
    const { owner } = await setUpScheme();
    await owner.scheme.relationType.create({ ...p, type: { name: "located_in" } });
    await expectTrpcError(
      owner.scheme.relationType.create({ ...p, type: { name: "located_in" } }),
      "CONFLICT",
      /^relation type name “located_in” is already used$/,
    );
    await expectTrpcError(
      owner.scheme.relationType.create({ ...p, type: { name: "x", targetLabelIds: [999] } }),
      "BAD_REQUEST",
      /^label 999 is not a label of this project$/,
    );
    await expectTrpcError(
      owner.scheme.relationType.create({ ...p, type: { name: "x", color: "red" } }),
      "BAD_REQUEST",
      /colour "red"/,
    );
    await expectTrpcError(
      owner.scheme.relationType.create({ ...p, type: { name: " x" } }),
      "BAD_REQUEST",
      /relation type name “ x” has leading or trailing spaces/,
    );
  });
});

describe("hotkeys of the scheme", () => {
  it("refuses a key a label, another type, an attribute or a document label has, naming it", async () => {
    const { db, owner, labels } = await setUpScheme();
    await expectTrpcError(
      owner.scheme.relationType.create({ ...p, type: { name: "x", hotkey: "1" } }),
      "CONFLICT",
      /^hotkey “1” is already used by label PER$/,
    );
    await owner.scheme.relationType.create({ ...p, type: { name: "located_in", hotkey: "r" } });
    await expectTrpcError(
      owner.scheme.attribute.create({
        ...p,
        labelId: labels.PER,
        attribute: { name: "negated", hotkey: "r" },
      }),
      "CONFLICT",
      /^hotkey “r” is already used by relation type located_in$/,
    );
    await owner.scheme.attribute.create({
      ...p,
      labelId: labels.PER,
      attribute: { name: "negated", hotkey: "x" },
    });
    await expectTrpcError(
      owner.scheme.documentLabel.createSet({
        ...p,
        set: { name: "topic", options: [{ name: "military", hotkey: "x" }] },
      }),
      "CONFLICT",
      /^hotkey “x” is already used by attribute negated of PER$/,
    );
    await owner.scheme.documentLabel.createSet({
      ...p,
      set: { name: "topic", options: [{ name: "military", hotkey: "m" }] },
    });
    await expectTrpcError(
      owner.scheme.relationType.create({ ...p, type: { name: "y", hotkey: "m" } }),
      "CONFLICT",
      /^hotkey “m” is already used by document label military of topic$/,
    );
    // The refused set was refused as a whole: none of its options stayed.
    const options = await db.select().from(tablesOf(db).documentLabelOptions);
    expect(options.map((option) => [option.name, option.hotkey])).toEqual([["military", "m"]]);
  });

  it("keeps a label from taking a key the scheme already uses", async () => {
    const { owner, labels } = await setUpScheme();
    await owner.scheme.relationType.create({ ...p, type: { name: "located_in", hotkey: "r" } });
    await expectTrpcError(
      owner.label.update({ ...p, labelId: labels.LOC, label: { hotkey: "r" } }),
      "CONFLICT",
      /^hotkey “r” is already used by relation type located_in$/,
    );
  });

  it("lets attributes of different labels share a key, but not two of one label", async () => {
    const { owner, labels } = await setUpScheme();
    for (const labelId of [labels.PER, labels.LOC]) {
      await owner.scheme.attribute.create({
        ...p,
        labelId,
        attribute: { name: "negated", hotkey: "x" },
      });
    }
    await expectTrpcError(
      owner.scheme.attribute.create({
        ...p,
        labelId: labels.PER,
        attribute: { name: "hedged", hotkey: "x" },
      }),
      "CONFLICT",
      /^hotkey “x” is already used by attribute negated of PER$/,
    );
  });

  it("refuses the page's own keys, saying what they do, and keys that are not one key", async () => {
    const { owner } = await setUpScheme();
    await expectTrpcError(
      owner.scheme.relationType.create({ ...p, type: { name: "x", hotkey: "j" } }),
      "BAD_REQUEST",
      /hotkey “j” is the page's own key for the next document/,
    );
    await expectTrpcError(
      owner.scheme.relationType.create({ ...p, type: { name: "x", hotkey: "?" } }),
      "BAD_REQUEST",
      /hotkey “\?” is the page's own key for the list of shortcuts/,
    );
    await expectTrpcError(
      owner.scheme.relationType.create({ ...p, type: { name: "x", hotkey: "é" } }),
      "BAD_REQUEST",
      /hotkey “é” cannot be used/,
    );
  });

  it("keeps a holder's own key when it is saved again", async () => {
    const { owner } = await setUpScheme();
    const type = await owner.scheme.relationType.create({ ...p, type: { name: "a", hotkey: "r" } });
    const saved = await owner.scheme.relationType.update({
      ...p,
      typeId: type.id,
      type: { name: "b", hotkey: "r" },
    });
    expect(saved).toMatchObject({ name: "b", hotkey: "r" });
  });
});

describe("scheme.relationType with relations", () => {
  async function withRelation() {
    const setup = await setUpScheme();
    const { db, owner, labels, layer } = setup;
    const type = await owner.scheme.relationType.create({
      ...p,
      type: { name: "located_in", sourceLabelIds: [labels.PER], targetLabelIds: [labels.LOC] },
    });
    const kim = await insertSpan(db, layer, { start: 0, end: 3, labelId: labels.PER });
    const kursk = await insertSpan(db, layer, { start: 12, end: 17, labelId: labels.LOC });
    await insertRelation(db, layer, { sourceSpanId: kim, targetSpanId: kursk, typeId: type.id });
    return { ...setup, type };
  }

  it("says how many relations deleting takes, and deletes only with that count", async () => {
    const { db, owner, type } = await withRelation();
    expect(await owner.scheme.relationType.usage({ ...p, typeId: type.id })).toEqual({
      relations: 1,
    });
    await expectTrpcError(
      owner.scheme.relationType.delete({ ...p, typeId: type.id, confirmedRelationCount: 0 }),
      "CONFLICT",
      /^deleting relation type located_in removes 1 relation; confirm that number to go ahead$/,
    );
    expect(
      await owner.scheme.relationType.delete({ ...p, typeId: type.id, confirmedRelationCount: 1 }),
    ).toEqual({ removedRelations: 1 });
    expect(await db.select().from(tablesOf(db).spanRelations)).toEqual([]);
  });

  it("refuses to change direction or forbid a used label while relations exist", async () => {
    const { owner, type, labels } = await withRelation();
    await expectTrpcError(
      owner.scheme.relationType.update({ ...p, typeId: type.id, type: { directed: false } }),
      "CONFLICT",
      /^relation type located_in has 1 relation: it cannot become undirected while they exist$/,
    );
    await expectTrpcError(
      owner.scheme.relationType.update({
        ...p,
        typeId: type.id,
        type: { sourceLabelIds: [labels.ORG] },
      }),
      "CONFLICT",
      /^relation type located_in has 1 relation from PER, which it would no longer allow$/,
    );
    // Allowing more labels, or any, is always fine.
    const widened = await owner.scheme.relationType.update({
      ...p,
      typeId: type.id,
      type: { sourceLabelIds: [], targetLabelIds: [labels.LOC, labels.ORG] },
    });
    expect(widened.targetLabelIds).toEqual([labels.LOC, labels.ORG]);
  });

  it("is not found from another project's id", async () => {
    const { owner } = await withRelation();
    await expectTrpcError(
      owner.scheme.relationType.usage({ ...p, typeId: 999 }),
      "NOT_FOUND",
      /no relation type 999 in this project/,
    );
  });
});

describe("scheme.relationType.move", () => {
  it("swaps a type with its neighbour and does nothing at the ends", async () => {
    const { owner } = await setUpScheme();
    const ids = [];
    for (const name of ["a", "b", "c"]) {
      ids.push((await owner.scheme.relationType.create({ ...p, type: { name } })).id);
    }
    const [a, b, c] = ids as [number, number, number];
    expect(await owner.scheme.relationType.move({ ...p, typeId: c, direction: "up" })).toEqual([
      a,
      c,
      b,
    ]);
    expect(await owner.scheme.relationType.move({ ...p, typeId: a, direction: "up" })).toEqual([
      a,
      c,
      b,
    ]);
  });
});
