import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import type { SpanEdit } from "@/domain/span-edits";
import { callerAs, type Caller } from "../test-support/callers";
import { newDocument } from "../test-support/documents";
import { layerVersion } from "../test-support/layers";
import { addLabelAttribute } from "../test-support/scheme";
import { newUser } from "../test-support/users";
import { createProject, listLabels, setMembership } from "./projects";

let db: Db;
let caller: Caller;
let userId: number;
let projectId: number;
let loc: number;

beforeAll(async () => {
  db = await openTestDatabase();
  const user = await newUser(db, "annotator");
  userId = user.id;
  const project = await createProject(db, { slug: "details", name: "details", labels: ["LOC"] });
  projectId = project.id;
  await setMembership(db, project.id, user.id, "annotator");
  loc = (await listLabels(db, project.id))[0]?.id ?? 0;
  await addLabelAttribute(db, loc, { name: "negated", kind: "boolean" });
  caller = callerAs(db, user);
});

const edit = async (documentId: number, edits: SpanEdit[]) =>
  caller.annotation.edit({
    documentId,
    baseVersion: await layerVersion(db, documentId, userId),
    edits,
  });

// The attributes a span already has are judged again whenever the span changes otherwise.
describe("a span with attributes", () => {
  it("keeps them through a resize, a note and a further piece", async () => {
    const documentId = await newDocument(db, projectId, "North and South Korea met.");
    const span = { start: 0, end: 5, labelId: loc };
    await edit(documentId, [{ kind: "add", spans: [{ ...span, attributes: { negated: true } }] }]);
    await edit(documentId, [{ kind: "resize", span, start: 0, end: 9 }]);
    const resized = { ...span, end: 9 };
    await edit(documentId, [
      { kind: "describe", span: resized, from: { note: "" }, to: { note: "check" } },
    ]);
    const result = await edit(documentId, [
      { kind: "describe", span: resized, from: { fragments: [] }, to: { fragments: [[10, 21]] } },
    ]);
    expect(result.spans).toMatchObject([
      { start: 0, end: 9, attributes: { negated: true }, note: "check", fragments: [[10, 21]] },
    ]);
  });
});
