import { describe, expect, it } from "vitest";
import { tablesOf } from "@/db/open-database";
import { exportTexts, freshDb, importTexts, onlyFile } from "../../test-support/datasets";

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
});
