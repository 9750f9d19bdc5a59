// Test support for the scheme procedures: a project with an owner, an annotator and a layer
// written straight into the tables, so a test can put relations, attribute values and choices
// on it without the edit protocol.
import { tablesOf, type Db } from "@/db/open-database";
import { returnedRow } from "@/db/returned-row";
import { openTestDatabase } from "@/db/test-support/test-database";
import type { SpanAttributes } from "@/domain/span-details";
import { createProject, listLabels, setMembership } from "../services/projects";
import { callerAs } from "./callers";
import { newDocument } from "./documents";
import { newUser } from "./users";

export const p = { projectSlug: "p" };

export async function setUpScheme() {
  const db = await openTestDatabase();
  const owner = await newUser(db, "owner");
  const annotator = await newUser(db, "annotator");
  const project = await createProject(db, {
    slug: "p",
    name: "P",
    labels: ["PER", "ORG", "LOC"],
    ownerId: owner.id,
  });
  await setMembership(db, project.id, annotator.id, "annotator");
  const labels = Object.fromEntries(
    (await listLabels(db, project.id)).map((label) => [label.name, label.id]),
  ) as Record<"PER" | "ORG" | "LOC", number>;
  const documentId = await newDocument(db, project.id, "Kim went to Kursk with the army.");
  const layer = await insertLayer(db, documentId, annotator.id);
  return {
    db,
    project,
    labels,
    documentId,
    layer,
    owner: callerAs(db, owner),
    annotator: callerAs(db, annotator),
  };
}

async function insertLayer(db: Db, documentId: number, userId: number | null) {
  const { annotations } = tablesOf(db);
  return returnedRow(
    await db.insert(annotations).values({ documentId, userId }).returning({ id: annotations.id }),
  ).id;
}

export async function insertSpan(
  db: Db,
  layer: number,
  span: { start: number; end: number; labelId: number; attributes?: SpanAttributes },
) {
  const { spans } = tablesOf(db);
  return returnedRow(
    await db
      .insert(spans)
      .values({ annotationId: layer, ...span })
      .returning({ id: spans.id }),
  ).id;
}

export async function insertRelation(
  db: Db,
  layer: number,
  relation: { sourceSpanId: number; targetSpanId: number; typeId: number },
) {
  const { spanRelations } = tablesOf(db);
  await db.insert(spanRelations).values({ annotationId: layer, ...relation });
}

export async function insertChoices(db: Db, layer: number, optionIds: number[]) {
  const { documentChoices } = tablesOf(db);
  await db
    .insert(documentChoices)
    .values(optionIds.map((optionId) => ({ annotationId: layer, optionId })));
}

export async function spanAttributes(db: Db, spanId: number) {
  const { spans } = tablesOf(db);
  const rows = await db.select({ id: spans.id, attributes: spans.attributes }).from(spans);
  return rows.find((row) => row.id === spanId)?.attributes;
}
