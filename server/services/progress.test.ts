import { beforeEach, describe, expect, it } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import { returnedRow } from "@/db/returned-row";
import { openTestDatabase } from "@/db/test-support/test-database";
import { callerAs } from "../test-support/callers";
import { newUser } from "../test-support/users";
import { createProject, setMembership } from "./projects";
import type { PublicUser } from "./users";

let db: Db;
let owner: PublicUser;
let annotators: PublicUser[];

const asOwner = () => callerAs(db, owner);

beforeEach(async () => {
  db = await openTestDatabase();
  owner = await newUser(db, "owner");
  annotators = [await newUser(db, "ann"), await newUser(db, "bob"), await newUser(db, "cat")];
  const project = await createProject(db, { slug: "p", name: "P", labels: ["PER"] });
  await setMembership(db, project.id, owner.id, "owner");
  for (const a of annotators) await setMembership(db, project.id, a.id, "annotator");
});

/** One document per entry, submitted by that many annotators (plus one in progress, which never counts). */
async function addDocuments(submissionsPerDocument: number[]) {
  const { annotations, documents } = tablesOf(db);
  for (const [i, submitted] of submissionsPerDocument.entries()) {
    const document = returnedRow(
      await db
        .insert(documents)
        .values({ projectId: 1, externalId: `d${i}`, text: "Some text." })
        .returning(),
    );
    for (const [n, annotator] of annotators.entries()) {
      if (n > submitted) continue;
      await db.insert(annotations).values({
        documentId: document.id,
        userId: annotator.id,
        status: n < submitted ? "submitted" : "in_progress",
      });
    }
  }
}

describe("documents by submissions", () => {
  it("counts each document's own submissions: 0, 1 and k", async () => {
    // The case reported: 3 documents submitted by two annotators, 2 by none.
    await addDocuments([2, 0, 2, 0, 2]);
    expect((await asOwner().project.progress({ projectSlug: "p" })).documentsBySubmissions).toEqual(
      [2, 0, 3],
    );
  });

  it("puts one submission in the middle and more than k with k", async () => {
    await addDocuments([1, 3, 0, 1]);
    expect((await asOwner().project.progress({ projectSlug: "p" })).documentsBySubmissions).toEqual(
      [1, 2, 1],
    );
  });

  it("counts documents that nobody touched", async () => {
    await addDocuments([0, 0, 0]);
    expect((await asOwner().project.progress({ projectSlug: "p" })).documentsBySubmissions).toEqual(
      [3, 0, 0],
    );
  });
});
