import { describe, expect, it } from "vitest";
import { tablesOf } from "@/db/open-database";
import { expectTrpcError } from "../test-support/trpc-errors";
import { insertChoices, p, setUpScheme } from "../test-support/scheme-edits";

async function withTopic() {
  const setup = await setUpScheme();
  const set = await setup.owner.scheme.documentLabel.createSet({
    ...p,
    set: {
      name: "topic",
      multiple: true,
      options: [{ name: "military", hotkey: "m" }, { name: "diplomacy" }],
    },
  });
  const options = await setup.db
    .select()
    .from(tablesOf(setup.db).documentLabelOptions)
    .orderBy(tablesOf(setup.db).documentLabelOptions.position);
  const [military, diplomacy] = options.map((option) => option.id) as [number, number];
  return { ...setup, set, military, diplomacy };
}

describe("scheme.documentLabel sets", () => {
  it("creates a set with its options in order", async () => {
    const { db, set } = await withTopic();
    expect(set).toMatchObject({ name: "topic", multiple: true });
    const options = await db.select().from(tablesOf(db).documentLabelOptions);
    expect(options.map((o) => [o.name, o.hotkey, o.position])).toEqual([
      ["military", "m", 0],
      ["diplomacy", null, 1],
    ]);
  });

  it("refuses a set name or an option name already used", async () => {
    const { owner, set } = await withTopic();
    await expectTrpcError(
      owner.scheme.documentLabel.createSet({ ...p, set: { name: "topic" } }),
      "CONFLICT",
      /^document label set name “topic” is already used$/,
    );
    await expectTrpcError(
      owner.scheme.documentLabel.createOption({
        ...p,
        setId: set.id,
        option: { name: "military" },
      }),
      "CONFLICT",
      /^document label of topic “military” is already used$/,
    );
  });

  it("stays multiple-choice while a layer chose several of its labels", async () => {
    const { db, owner, layer, set, military, diplomacy } = await withTopic();
    await insertChoices(db, layer, [military, diplomacy]);
    await expectTrpcError(
      owner.scheme.documentLabel.updateSet({ ...p, setId: set.id, set: { multiple: false } }),
      "CONFLICT",
      /^document label set topic has layers with several of its labels chosen/,
    );
  });

  it("becomes single-choice when every layer chose one at most", async () => {
    const { db, owner, layer, set, military } = await withTopic();
    await insertChoices(db, layer, [military]);
    const single = await owner.scheme.documentLabel.updateSet({
      ...p,
      setId: set.id,
      set: { multiple: false },
    });
    expect(single.multiple).toBe(false);
  });

  it("counts the choices deleting a set or an option removes, and needs that count", async () => {
    const { db, owner, layer, set, military, diplomacy } = await withTopic();
    await insertChoices(db, layer, [military, diplomacy]);
    expect(await owner.scheme.documentLabel.setUsage({ ...p, setId: set.id })).toEqual({
      choices: 2,
    });
    expect(await owner.scheme.documentLabel.optionUsage({ ...p, optionId: military })).toEqual({
      choices: 1,
    });
    await expectTrpcError(
      owner.scheme.documentLabel.deleteOption({
        ...p,
        optionId: military,
        confirmedChoiceCount: 0,
      }),
      "CONFLICT",
      /^deleting document label military of topic removes 1 choice; confirm that number/,
    );
    await owner.scheme.documentLabel.deleteOption({
      ...p,
      optionId: military,
      confirmedChoiceCount: 1,
    });
    expect(
      await owner.scheme.documentLabel.deleteSet({ ...p, setId: set.id, confirmedChoiceCount: 1 }),
    ).toEqual({ removedChoices: 1 });
    expect(await db.select().from(tablesOf(db).documentChoices)).toEqual([]);
  });

  it("moves options within their set", async () => {
    const { owner, military, diplomacy } = await withTopic();
    expect(
      await owner.scheme.documentLabel.moveOption({ ...p, optionId: military, direction: "down" }),
    ).toEqual([diplomacy, military]);
  });

  it("is refused to annotators and not found across projects", async () => {
    const { owner, annotator, set } = await withTopic();
    await expectTrpcError(
      annotator.scheme.documentLabel.deleteSet({ ...p, setId: set.id, confirmedChoiceCount: 0 }),
      "FORBIDDEN",
    );
    await expectTrpcError(
      owner.scheme.documentLabel.updateOption({ ...p, optionId: 999, option: { name: "x" } }),
      "NOT_FOUND",
      /^no document label 999 in this project$/,
    );
  });
});
