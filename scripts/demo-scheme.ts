import { and, eq, inArray } from "drizzle-orm";
import { tablesOf, type Db } from "@/db/open-database";
import { listLabels } from "@/server/services/projects";
import { createRelationType } from "@/server/services/scheme-edits";
import { createAttribute } from "@/server/services/scheme-edits-attributes";
import { createDocumentLabelSet } from "@/server/services/scheme-edits-document-labels";

// The demo's labels keep the keys 1-6; these take letters no page mode starts with.
const relationTypes = [
  { name: "located_in", hotkey: "l", from: ["PERSON", "ORG", "GPE"], to: ["LOC", "GPE"] },
  { name: "member_of", hotkey: "m", from: ["PERSON"], to: ["ORG"] },
  { name: "same_as", hotkey: "s", from: [], to: [], directed: false },
];

const documentLabelSets = [
  {
    name: "topic",
    multiple: true,
    options: [
      { name: "military", hotkey: "t" },
      { name: "diplomacy", hotkey: "y" },
      { name: "humanitarian", hotkey: "h" },
    ],
  },
  {
    name: "stance",
    multiple: false,
    options: [
      { name: "critical", hotkey: "v" },
      { name: "neutral", hotkey: "b" },
      { name: "supportive", hotkey: "p" },
    ],
  },
];

/** What each annotator answered about the documents (by position) they worked on. */
const choices: Record<string, string[][]> = {
  alice: [["military", "diplomacy", "critical"], ["military", "neutral"], ["humanitarian"]],
  bob: [
    ["military", "critical"],
    ["diplomacy", "neutral"],
  ],
};

/**
 * The demo project's scheme beyond its labels: relation types, `negated` and `certainty` on
 * every label, the `topic` and `stance` document label sets, and the annotators' answers.
 * Written through the same services as the settings page, so the demo keeps to their rules.
 */
export async function seedDemoScheme(db: Db, projectId: number) {
  const labels = await listLabels(db, projectId);
  const idsOf = (names: string[]) =>
    labels.filter((label) => names.includes(label.name)).map((label) => label.id);
  for (const { from, to, ...type } of relationTypes) {
    await createRelationType(db, projectId, {
      ...type,
      sourceLabelIds: idsOf(from),
      targetLabelIds: idsOf(to),
    });
  }
  for (const label of labels) {
    await createAttribute(db, projectId, label.id, { name: "negated", hotkey: "x" });
    await createAttribute(db, projectId, label.id, {
      name: "certainty",
      kind: "choice",
      options: ["low", "high"],
      hotkey: "c",
    });
  }
  for (const set of documentLabelSets) await createDocumentLabelSet(db, projectId, set);
  await seedChoices(db, projectId);
}

async function seedChoices(db: Db, projectId: number) {
  const {
    annotations,
    documentChoices,
    documentLabelOptions,
    documentLabelSets,
    documents,
    users,
  } = tablesOf(db);
  const options = await db
    .select({ id: documentLabelOptions.id, name: documentLabelOptions.name })
    .from(documentLabelOptions)
    .innerJoin(documentLabelSets, eq(documentLabelSets.id, documentLabelOptions.setId))
    .where(eq(documentLabelSets.projectId, projectId));
  const optionId = new Map(options.map((option) => [option.name, option.id]));
  const layers = await db
    .select({ id: annotations.id, documentId: annotations.documentId, name: users.name })
    .from(annotations)
    .innerJoin(users, eq(users.id, annotations.userId))
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .where(and(eq(documents.projectId, projectId), inArray(users.name, Object.keys(choices))));
  const documentIds = [...new Set(layers.map((layer) => layer.documentId))].sort((a, b) => a - b);
  const rows = layers.flatMap((layer) => {
    // Each annotator's documents in order: the first they worked on gets their first answer.
    const own = documentIds.filter((id) =>
      layers.some((l) => l.documentId === id && l.name === layer.name),
    );
    const answer = choices[layer.name]?.[own.indexOf(layer.documentId)] ?? [];
    return answer.map((name) => ({ annotationId: layer.id, optionId: optionId.get(name) ?? 0 }));
  });
  if (rows.length > 0) await db.insert(documentChoices).values(rows);
}
