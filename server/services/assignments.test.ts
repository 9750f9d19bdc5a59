import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tablesOf } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { newUser } from "../test-support/users";
import { rebalanceAssignments } from "./assignments";
import { createProject, setMembership } from "./projects";

describe("rebalanceAssignments", () => {
  // More documents than SQLite binds values in one statement (32,766).
  it("hands out a project larger than one statement can name, and again on a second run", async () => {
    const db = await openTestDatabase();
    const { assignments, documents } = tablesOf(db);
    const { id: projectId } = await createProject(db, {
      slug: "big",
      name: "Big",
      labels: ["PER"],
    });
    for (const name of ["ann", "bob", "cy"]) {
      await setMembership(db, projectId, (await newUser(db, name)).id, "annotator");
    }
    const total = 33_000;
    const rows = Array.from({ length: total }, (_, i) => ({
      projectId,
      externalId: `d${i}`,
      text: "t",
    }));
    for (let i = 0; i < total; i += 5_000)
      await db.insert(documents).values(rows.slice(i, i + 5_000));

    expect(await rebalanceAssignments(db, projectId, 2)).toMatchObject({
      documents: total,
      assignments: 2 * total,
    });
    expect(await rebalanceAssignments(db, projectId, 1)).toMatchObject({ assignments: total });
    const [stored] = await db
      .select({ n: count() })
      .from(assignments)
      .innerJoin(documents, eq(documents.id, assignments.documentId));
    expect(stored?.n).toBe(total);
  }, 60_000);
});
