import { describe, expect, it } from "vitest";
import { tablesOf } from "@/db/open-database";
import { eq } from "drizzle-orm";
import { exportTexts, freshDb, importTexts, onlyFile } from "../../test-support/datasets";
import { addDocumentLabelSet, addLabelAttribute, addRelationType } from "../../test-support/scheme";

const line = JSON.stringify({
  id: "d1",
  text: "Ann met Bob in Paris. 👋 North and South Korea",
  meta: {},
  annotations: [
    {
      annotator: "ann",
      status: "submitted",
      spans: [
        { start: 0, end: 3, label: "PER", attributes: { negated: true, certainty: "high" } },
        { start: 8, end: 11, label: "PER", note: "the brother" },
        { start: 15, end: 20, label: "LOC" },
        // Code points: "North" at 24, "Korea" at 40 (the emoji is one code point, two units).
        { start: 24, end: 29, label: "LOC", fragments: [[40, 45]] },
      ],
      relations: [
        { source: 0, target: 1, type: "met" },
        { source: 2, target: 1, type: "near", directed: false },
      ],
      documentLabels: { topic: ["travel", "family"], stance: ["neutral"] },
    },
  ],
});

describe("relations, attributes, notes, fragments and document labels through the database", () => {
  it("imports them, creating the scheme they name, and exports them unchanged", async () => {
    const db = await freshDb();
    const summary = await importTexts(db, "p", "jsonl", { "in.jsonl": `${line}\n` });
    expect(summary).toMatchObject({
      spans: 4,
      relations: 2,
      attributes: 2,
      notes: 1,
      fragments: 1,
      documentLabels: 3,
      relationTypesCreated: ["met", "near"],
      attributesCreated: ["PER.negated", "PER.certainty"],
      documentLabelsCreated: ["topic: travel", "topic: family", "stance: neutral"],
    });
    const { relationTypes, labelAttributes, documentLabelSets, projects } = tablesOf(db);
    const [project] = await db.select().from(projects);
    const types = await db.select().from(relationTypes);
    expect(types.map((type) => [type.name, type.directed, type.projectId])).toEqual([
      ["met", true, project?.id],
      ["near", false, project?.id],
    ]);
    const attributes = await db.select().from(labelAttributes);
    expect(attributes.map((a) => [a.name, a.kind, a.options])).toEqual([
      ["negated", "boolean", []],
      ["certainty", "choice", ["high"]],
    ]);
    const sets = await db.select().from(documentLabelSets);
    expect(sets.map((set) => [set.name, set.multiple])).toEqual([
      ["topic", true],
      ["stance", false],
    ]);

    const { files } = await exportTexts(db, "p", "jsonl");
    const exported = JSON.parse(onlyFile(files)) as { annotations: unknown[] };
    const original = JSON.parse(line) as { annotations: { relations: unknown[] }[] };
    // The undirected relation is stored with its ends in offset order.
    expect(exported.annotations).toEqual([
      {
        ...original.annotations[0],
        relations: [
          { source: 0, target: 1, type: "met" },
          { source: 1, target: 2, type: "near", directed: false },
        ],
      },
    ]);
  });

  it("refuses, changing nothing, a relation to a span that does not exist", async () => {
    const db = await freshDb();
    const bad = line.replace('"source":2,"target":1', '"source":7,"target":1');
    await expect(importTexts(db, "p", "jsonl", { "in.jsonl": bad })).rejects.toThrow(
      'in.jsonl: line 1, field "annotations[0].relations[1].source": span 7 does not exist (the layer has 4 spans)',
    );
    const { documents, relationTypes } = tablesOf(db);
    expect(await db.$count(documents)).toBe(0);
    expect(await db.$count(relationTypes)).toBe(0);
  });

  it("refuses names the scheme lacks under strict, and values of the wrong kind", async () => {
    const db = await freshDb();
    await expect(
      importTexts(db, "p", "jsonl", { "in.jsonl": line }, { strict: true }),
    ).rejects.toThrow('"Ann": unknown attribute "negated" of PER');
    await importTexts(db, "p", "jsonl", { "in.jsonl": line });
    const again = line.replace('"negated":true', '"negated":"yes"').replace('"d1"', '"d2"');
    await expect(importTexts(db, "p", "jsonl", { "in.jsonl": again })).rejects.toThrow(
      '"Ann": attribute "negated" of PER is boolean, not "yes"',
    );
  });

  it("adds new options to the project's own set and attribute, and uses its relation type", async () => {
    const db = await freshDb();
    const {
      documentChoices,
      documentLabelOptions,
      documentLabelSets,
      labelAttributes,
      labels,
      projects,
      relationTypes,
    } = tablesOf(db);
    const [project] = await db.select().from(projects);
    const projectId = project?.id ?? 0;
    const [per] = await db.select().from(labels).where(eq(labels.name, "PER"));
    await addRelationType(db, projectId, { name: "met" });
    await addLabelAttribute(db, per?.id ?? 0, {
      name: "certainty",
      kind: "choice",
      options: ["low"],
    });
    await addDocumentLabelSet(db, projectId, {
      name: "topic",
      multiple: true,
      options: ["sports"],
    });
    const summary = await importTexts(db, "p", "jsonl", { "in.jsonl": line });
    expect(summary.relationTypesCreated).toEqual(["near"]);
    expect(summary.attributesCreated).toEqual(["PER.negated"]);
    expect(summary.documentLabelsCreated).toEqual([
      "topic: travel",
      "topic: family",
      "stance: neutral",
    ]);
    const sets = await db.select().from(documentLabelSets).orderBy(documentLabelSets.position);
    expect(sets.map((set) => [set.name, set.projectId])).toEqual([
      ["topic", projectId],
      ["stance", projectId],
    ]);
    const options = await db
      .select()
      .from(documentLabelOptions)
      .orderBy(documentLabelOptions.setId, documentLabelOptions.position);
    expect(options.map((option) => option.name)).toEqual(["sports", "travel", "family", "neutral"]);
    expect(await db.$count(documentChoices)).toBe(3);
    const certainty = await db
      .select()
      .from(labelAttributes)
      .where(eq(labelAttributes.name, "certainty"));
    expect(certainty.map((attribute) => attribute.options)).toEqual([["low", "high"]]);
    expect((await db.select().from(relationTypes)).map((type) => type.name)).toEqual([
      "met",
      "near",
    ]);
  });
});
