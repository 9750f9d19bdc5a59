import { describe, expect, it } from "vitest";
import { expectTrpcError } from "../test-support/trpc-errors";
import { insertSpan, p, setUpScheme, spanAttributes } from "../test-support/scheme-edits";

describe("scheme.attribute.create", () => {
  it("stores boolean, choice and text attributes on a label", async () => {
    const { owner, labels } = await setUpScheme();
    const negated = await owner.scheme.attribute.create({
      ...p,
      labelId: labels.PER,
      attribute: { name: "negated" },
    });
    const certainty = await owner.scheme.attribute.create({
      ...p,
      labelId: labels.PER,
      attribute: { name: "certainty", kind: "choice", options: ["low", "high"] },
    });
    expect(negated).toMatchObject({ kind: "boolean", options: [], position: 0 });
    expect(certainty).toMatchObject({ kind: "choice", options: ["low", "high"], position: 1 });
  });

  it("refuses options that do not fit the kind, repeated options and a repeated name", async () => {
    const { owner, labels } = await setUpScheme();
    const on = (attribute: Parameters<typeof owner.scheme.attribute.create>[0]["attribute"]) =>
      owner.scheme.attribute.create({ ...p, labelId: labels.PER, attribute });
    await expectTrpcError(
      on({ name: "certainty", kind: "choice" }),
      "BAD_REQUEST",
      /^attribute certainty is a choice: give it at least one option$/,
    );
    await expectTrpcError(
      on({ name: "negated", options: ["yes"] }),
      "BAD_REQUEST",
      /^attribute negated is a boolean: only a choice has options$/,
    );
    await expectTrpcError(
      on({ name: "c", kind: "choice", options: ["low", "low"] }),
      "BAD_REQUEST",
      /^option “low” of attribute c is given twice$/,
    );
    await on({ name: "negated" });
    await expectTrpcError(
      on({ name: "negated" }),
      "CONFLICT",
      /^attribute name of PER “negated” is already used$/,
    );
  });

  it("refuses a label of another project", async () => {
    const { owner } = await setUpScheme();
    await expectTrpcError(
      owner.scheme.attribute.create({ ...p, labelId: 999, attribute: { name: "negated" } }),
      "NOT_FOUND",
      /no label 999 in this project/,
    );
  });
});

describe("scheme.attribute on spans that hold it", () => {
  async function withValues() {
    const setup = await setUpScheme();
    const { db, owner, labels, layer } = setup;
    const certainty = await owner.scheme.attribute.create({
      ...p,
      labelId: labels.PER,
      attribute: { name: "certainty", kind: "choice", options: ["low", "high"] },
    });
    const kim = await insertSpan(db, layer, {
      start: 0,
      end: 3,
      labelId: labels.PER,
      attributes: { certainty: "high", negated: true },
    });
    await insertSpan(db, layer, { start: 12, end: 17, labelId: labels.PER });
    return { ...setup, certainty, kim };
  }

  it("renames the value on every span when the attribute is renamed", async () => {
    const { db, owner, certainty, kim } = await withValues();
    await owner.scheme.attribute.update({
      ...p,
      attributeId: certainty.id,
      attribute: { name: "confidence" },
    });
    expect(await spanAttributes(db, kim)).toEqual({ confidence: "high", negated: true });
  });

  it("refuses a new kind, or dropping an option, that spans still hold", async () => {
    const { owner, certainty } = await withValues();
    await expectTrpcError(
      owner.scheme.attribute.update({
        ...p,
        attributeId: certainty.id,
        attribute: { kind: "text" },
      }),
      "CONFLICT",
      /^attribute certainty of PER is set on 1 span: its kind cannot change while they hold it$/,
    );
    await expectTrpcError(
      owner.scheme.attribute.update({
        ...p,
        attributeId: certainty.id,
        attribute: { options: ["low"] },
      }),
      "CONFLICT",
      /^option “high” of attribute certainty of PER is set on 1 span: it cannot go while they hold it$/,
    );
    const widened = await owner.scheme.attribute.update({
      ...p,
      attributeId: certainty.id,
      attribute: { options: ["low", "medium", "high"] },
    });
    expect(widened.options).toEqual(["low", "medium", "high"]);
  });

  it("says how many spans deleting clears, and clears their value with that count", async () => {
    const { db, owner, certainty, kim } = await withValues();
    expect(await owner.scheme.attribute.usage({ ...p, attributeId: certainty.id })).toEqual({
      spans: 1,
    });
    await expectTrpcError(
      owner.scheme.attribute.delete({ ...p, attributeId: certainty.id, confirmedSpanCount: 0 }),
      "CONFLICT",
      /^deleting attribute certainty of PER removes its value from 1 span; confirm that number/,
    );
    expect(
      await owner.scheme.attribute.delete({
        ...p,
        attributeId: certainty.id,
        confirmedSpanCount: 1,
      }),
    ).toEqual({ removedValues: 1 });
    expect(await spanAttributes(db, kim)).toEqual({ negated: true });
  });
});
