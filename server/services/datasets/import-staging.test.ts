import { and, asc, count, eq, like } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import { formatJsonlRecord } from "@/domain/formats/jsonl";
import { freshDb } from "../../test-support/datasets";
import { findProjectBySlug } from "../projects";
import { importDataset } from "./import-dataset";
import type { ImportFile } from "./import-file";
import { createStaging, recoverStagedImports } from "./import-staging";
import { importJsonl } from "./import-jsonl";

const line = (id: string, annotator = "newcomer") =>
  formatJsonlRecord({
    id,
    text: "Kursk is far.",
    meta: {},
    annotations: [
      { annotator, status: "submitted", spans: [{ start: 0, end: 5, label: "PLACE" }] },
    ],
  });

const documentsOf = async (db: Db, slug: string) => {
  const { documents, projects } = tablesOf(db);
  const [row] = await db
    .select({ n: count() })
    .from(documents)
    .innerJoin(projects, eq(projects.id, documents.projectId))
    .where(eq(projects.slug, slug));
  return row?.n ?? 0;
};

const stagingProjects = (db: Db) => {
  const { projects } = tablesOf(db);
  return db.$count(projects, like(projects.slug, ".%"));
};

/** A file read in several chunks, each of which looks at the database before the next is read. */
function chunkedFile(lines: string[], between: () => Promise<void>): ImportFile {
  const encoder = new TextEncoder();
  return {
    name: "big.jsonl",
    size: lines.join("\n").length,
    async *open() {
      for (const text of lines) {
        yield encoder.encode(`${text}\n`);
        await between();
      }
    },
  };
}

/** How many of the database's transactions are open, and how many were begun. */
function watchTransactions(db: Db) {
  const seen = { open: 0, begun: 0 };
  const transaction = db.transaction.bind(db);
  vi.spyOn(db, "transaction").mockImplementation((work) =>
    transaction(async (tx) => {
      seen.open++;
      seen.begun++;
      try {
        return await work(tx);
      } finally {
        seen.open--;
      }
    }),
  );
  return seen;
}

describe("staged imports", () => {
  it("writes each chunk in its own short transaction and shows nothing before publishing", async () => {
    const db = await freshDb();
    const transactions = watchTransactions(db);
    const seen: { open: number; visible: number }[] = [];
    const lines = ["a", "b", "c"].map((id) => line(id));
    const summary = await importDataset(db, {
      projectSlug: "p",
      format: "jsonl",
      files: [
        chunkedFile(lines, async () => {
          seen.push({ open: transactions.open, visible: await documentsOf(db, "p") });
        }),
      ],
    });
    expect(summary.documents).toBe(3);
    expect(seen).toEqual(lines.map(() => ({ open: 0, visible: 0 })));
    // A transaction per chunk, before the publishing's own.
    expect(transactions.begun).toBeGreaterThan(lines.length);
    expect(await documentsOf(db, "p")).toBe(3);
    expect(await stagingProjects(db)).toBe(0);
    // The new label and the new annotator arrive with the documents.
    const { labels, memberships, projects, users } = tablesOf(db);
    const [label] = await db
      .select({ n: count() })
      .from(labels)
      .innerJoin(projects, eq(projects.id, labels.projectId))
      .where(and(eq(projects.slug, "p"), eq(labels.name, "PLACE")));
    expect(label?.n).toBe(1);
    const [member] = await db
      .select({ n: count() })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(users.name, "newcomer"));
    expect(member?.n).toBe(1);
  });

  it("leaves nothing behind when a later chunk is refused", async () => {
    const db = await freshDb();
    const lines = [line("a"), line("b"), "{not json"];
    await expect(
      importDataset(db, {
        projectSlug: "p",
        format: "jsonl",
        files: [chunkedFile(lines, async () => {})],
      }),
    ).rejects.toThrow(/big\.jsonl/);
    const { documents, labels, users } = tablesOf(db);
    expect(await db.$count(documents)).toBe(0);
    expect(await stagingProjects(db)).toBe(0);
    expect(await db.$count(labels, eq(labels.name, "PLACE"))).toBe(0);
    expect(await db.$count(users, eq(users.name, "newcomer"))).toBe(0);
  });

  it("after a crash, removes an import still staging and finishes one that was publishing", async () => {
    const db = await freshDb("p", "q");
    const { documents, projects, users } = tablesOf(db);
    await importJsonl(db, "p", line("kept", "ann"), {});
    for (const [slug, state] of [
      ["p", "import"],
      ["q", "publish"],
    ] as const) {
      const staging = await createStaging(db, (await findProjectBySlug(db, slug)).id, false);
      await db.insert(documents).values([
        { projectId: staging.projectId, externalId: `${slug}-1`, text: "x" },
        { projectId: staging.projectId, externalId: `${slug}-2`, text: "y" },
      ]);
      await db
        .update(projects)
        .set({ slug: staging.slug.replace(".import.", `.${state}.`) })
        .where(eq(projects.id, staging.projectId));
    }
    await db.insert(users).values({ name: "orphan" });

    await recoverStagedImports(db);

    const stored = await db
      .select({ slug: projects.slug, externalId: documents.externalId })
      .from(documents)
      .innerJoin(projects, eq(projects.id, documents.projectId))
      .orderBy(asc(documents.id));
    expect(stored.map((row) => `${row.slug}:${row.externalId}`)).toEqual([
      "p:kept",
      "q:q-1",
      "q:q-2",
    ]);
    expect(await stagingProjects(db)).toBe(0);
    expect(await db.$count(users, eq(users.name, "orphan"))).toBe(0);
    expect(await db.$count(users, eq(users.name, "ann"))).toBe(1);
  });
});
