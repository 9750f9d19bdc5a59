import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import { openTestDatabase } from "@/db/test-support/test-database";
import { DomainError, InputError } from "@/domain/errors";
import { codePointSpan } from "@/domain/test-support/format-records";
import { nth } from "@/domain/test-support/lists";
import { collect, rowCount } from "../../test-support/datasets";
import { createProject, findMembership, findProjectBySlug } from "../projects";
import { exportJsonl } from "./export-jsonl";
import { parseExportSource, type ExportSource } from "./export-source";
import { importJsonl } from "./import-jsonl";

type FileSpan = { start: number; end: number; label: string };
type FileAnnotation = { annotator: string; status?: string; spans: FileSpan[] };
type FileRecord = {
  id?: string | number | null;
  text: string;
  meta?: Record<string, unknown>;
  annotations?: FileAnnotation[];
};

const at = (text: string, needle: string, label: string): FileSpan =>
  codePointSpan(text, needle, label);

const jsonl = (records: unknown[]) =>
  records.map((record) => JSON.stringify(record)).join("\n") + "\n";

/** What an export line holds: every field is always written. */
type ExportedRecord = {
  id: string;
  text: string;
  meta: Record<string, unknown>;
  annotations: { annotator: string; status: string; spans: FileSpan[] }[];
};

async function exportRecords(db: Db, slug: string, source: ExportSource = { kind: "all" }) {
  const lines = await collect(exportJsonl(db, slug, source));
  return lines.map((line) => JSON.parse(line) as ExportedRecord);
}

async function catchError(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error, but nothing was thrown");
}

async function freshProject(allowOverlap = false) {
  const db = await openTestDatabase();
  await createProject(db, {
    slug: "news",
    name: "News",
    labels: ["ORG", "PER", "LOC"],
    allowOverlap,
  });
  return db;
}

const countTables = (db: Db) =>
  Promise.all(
    (["documents", "users", "annotations", "spans"] as const).map((table) => rowCount(db, table)),
  );

const t1 = "e\u0301 👍🏽 Ana met Bob in 東京.";
const t2 = "Cafe\u0301 owner Zoë works at 𠮷野家 Inc 🇯🇵";
const t3 = "no id here 🙂 but Paris is named";
const t4 = "plain ascii, nobody annotated this";

const d1Alice = [at(t1, "Ana", "PER"), at(t1, "Bob", "PER"), at(t1, "東京", "LOC")];
const d1Bob = [at(t1, "Ana met Bob", "ORG")];
const d2Alice = [at(t2, "Zoë", "PER"), at(t2, "𠮷野家 Inc", "ORG"), at(t2, "🇯🇵", "LOC")];
const d3Bob = [at(t3, "Paris", "LOC")];

const corpus: FileRecord[] = [
  {
    id: "d1",
    text: t1,
    meta: { source: "chat", turn: 3, tags: ["a", "b"] },
    annotations: [
      {
        annotator: "alice",
        spans: d1Alice,
      },
      { annotator: "bob", status: "in_progress", spans: d1Bob },
    ],
  },
  {
    id: "d2",
    text: t2,
    annotations: [
      {
        annotator: "alice",
        spans: d2Alice,
      },
    ],
  },
  { text: t3, annotations: [{ annotator: "bob", spans: d3Bob }] },
  { id: 42, text: t4 },
];

describe("importJsonl then exportJsonl", () => {
  it("imports documents, annotators and spans, and reports what it did", async () => {
    const db = await freshProject();
    const summary = await importJsonl(db, "news", jsonl(corpus));
    expect(summary).toEqual({ documents: 4, annotations: 4, spans: 8, alreadyPresent: 0 });

    // Annotators named in the file become users and annotators of the project.
    const project = await findProjectBySlug(db, "news");
    for (const name of ["alice", "bob"]) {
      const { users } = tablesOf(db);
      const [user] = await db.select().from(users).where(eq(users.name, name));
      expect(user).toBeDefined();
      expect(user?.email).toBeNull();
      expect(user?.passwordHash).toBeNull();
      if (!user) throw new Error(`no user ${name}`);
      expect((await findMembership(db, project.id, user.id))?.role).toBe("annotator");
    }
  });

  it("stores UTF-16 offsets, so a JavaScript slice of the stored text finds the annotated words", async () => {
    const db = await freshProject();
    await importJsonl(db, "news", jsonl(corpus));
    const { annotations, documents, labels, spans, users } = tablesOf(db);
    const rows = await db
      .select({ text: documents.text, start: spans.start, end: spans.end, label: labels.name })
      .from(spans)
      .innerJoin(annotations, eq(annotations.id, spans.annotationId))
      .innerJoin(users, eq(users.id, annotations.userId))
      .innerJoin(documents, eq(documents.id, annotations.documentId))
      .innerJoin(labels, eq(labels.id, spans.labelId))
      .where(eq(users.name, "alice"))
      .orderBy(asc(documents.id), asc(spans.start));
    expect(rows.map((row) => [row.text.slice(row.start, row.end), row.label])).toEqual([
      ["Ana", "PER"],
      ["Bob", "PER"],
      ["東京", "LOC"],
      ["Zoë", "PER"],
      ["𠮷野家 Inc", "ORG"],
      ["🇯🇵", "LOC"],
    ]);
  });

  it("exports all annotators with the same ids, texts, meta, statuses, spans and offsets", async () => {
    const db = await freshProject();
    await importJsonl(db, "news", jsonl(corpus));

    const exported = await exportRecords(db, "news");

    expect(exported).toEqual([
      {
        id: "d1",
        text: t1,
        meta: { source: "chat", turn: 3, tags: ["a", "b"] },
        annotations: [
          { annotator: "alice", status: "submitted", spans: d1Alice },
          { annotator: "bob", status: "in_progress", spans: d1Bob },
        ],
      },
      {
        id: "d2",
        text: t2,
        meta: {},
        annotations: [{ annotator: "alice", status: "submitted", spans: d2Alice }],
      },
      {
        // A document imported without an id is exported without one: ids in a file stay unique.
        id: null,
        text: t3,
        meta: {},
        annotations: [{ annotator: "bob", status: "submitted", spans: d3Bob }],
      },
      { id: "42", text: t4, meta: {}, annotations: [] },
    ]);
    // Byte for byte: the combining accent is not normalised away.
    expect(Buffer.from(nth(exported, 0).text, "utf8").equals(Buffer.from(t1, "utf8"))).toBe(true);
    expect(Buffer.from(nth(exported, 1).text, "utf8").equals(Buffer.from(t2, "utf8"))).toBe(true);
    expect(nth(exported, 1).text).not.toBe(t2.normalize("NFC"));
  });

  it("exports one annotator's layer with annotator:NAME, leaving out documents they never worked on", async () => {
    const db = await freshProject();
    await importJsonl(db, "news", jsonl(corpus));

    const alice = await exportRecords(db, "news", parseExportSource("annotator:alice"));
    expect(alice.map((record) => record.text)).toEqual([t1, t2]);
    expect(alice.map((record) => record.annotations)).toEqual([
      [{ annotator: "alice", status: "submitted", spans: d1Alice }],
      [{ annotator: "alice", status: "submitted", spans: d2Alice }],
    ]);

    const bob = await exportRecords(db, "news", parseExportSource("annotator:bob"));
    expect(bob.map((record) => record.annotations)).toEqual([
      [{ annotator: "bob", status: "in_progress", spans: d1Bob }],
      [{ annotator: "bob", status: "submitted", spans: d3Bob }],
    ]);

    expect(await exportRecords(db, "news", parseExportSource("annotator:nobody"))).toEqual([]);
  });

  it("slices exported offsets Python-style back to the annotated words", async () => {
    const db = await freshProject();
    await importJsonl(db, "news", jsonl(corpus));
    const words = (await exportRecords(db, "news")).flatMap((record) =>
      (record.annotations ?? []).flatMap((annotation) =>
        annotation.spans.map((span) => [...record.text].slice(span.start, span.end).join("")),
      ),
    );
    expect(words).toEqual([
      "Ana",
      "Bob",
      "東京",
      "Ana met Bob",
      "Zoë",
      "𠮷野家 Inc",
      "🇯🇵",
      "Paris",
    ]);
  });

  it("exports what it imports, so a second project gets the same file back", async () => {
    const db = await freshProject();
    await createProject(db, { slug: "copy", name: "Copy", labels: ["ORG", "PER", "LOC"] });
    await importJsonl(db, "news", jsonl(corpus));
    const first = await collect(exportJsonl(db, "news", { kind: "all" }));
    await importJsonl(db, "copy", first.join("\n"));
    expect(await collect(exportJsonl(db, "copy", { kind: "all" }))).toEqual(first);
  });

  it("keeps an annotation without spans, with its status", async () => {
    const db = await freshProject();
    await importJsonl(
      db,
      "news",
      jsonl([
        {
          id: "e",
          text: "x",
          annotations: [{ annotator: "carol", status: "in_progress", spans: [] }],
        },
      ]),
    );
    expect(nth(await exportRecords(db, "news"), 0).annotations).toEqual([
      { annotator: "carol", status: "in_progress", spans: [] },
    ]);
  });

  it("exports every document of a project larger than one page, in import order", async () => {
    const db = await freshProject();
    const many = Array.from({ length: 1203 }, (_, i) => ({
      id: `n${i}`,
      text: `document ${i} 😀`,
    }));
    expect((await importJsonl(db, "news", jsonl(many))).documents).toBe(1203);
    const ids = (await exportRecords(db, "news")).map((record) => record.id);
    expect(ids).toEqual(many.map((record) => record.id));

    // Re-importing checks the ids in slices too: all of them are found.
    expect(await importJsonl(db, "news", jsonl(many))).toEqual({
      documents: 0,
      annotations: 0,
      spans: 0,
      alreadyPresent: 1203,
    });
  });

  it("accepts overlapping spans in a project that allows them", async () => {
    const db = await freshProject(true);
    const text = "New York City Hall";
    const summary = await importJsonl(
      db,
      "news",
      jsonl([
        {
          id: "o",
          text,
          annotations: [
            {
              annotator: "a",
              spans: [at(text, "New York City", "LOC"), at(text, "City Hall", "ORG")],
            },
          ],
        },
      ]),
    );
    expect(summary.spans).toBe(2);
    expect(nth(nth(await exportRecords(db, "news"), 0).annotations, 0).spans).toEqual([
      at(text, "New York City", "LOC"),
      at(text, "City Hall", "ORG"),
    ]);
  });

  it("accepts touching spans in a project that forbids overlaps", async () => {
    const db = await freshProject();
    const text = "AnaBob";
    const summary = await importJsonl(
      db,
      "news",
      jsonl([
        {
          text,
          annotations: [
            { annotator: "a", spans: [at(text, "Ana", "PER"), at(text, "Bob", "PER")] },
          ],
        },
      ]),
    );
    expect(summary.spans).toBe(2);
  });

  it("skips blank lines and Windows line endings", async () => {
    const db = await freshProject();
    const content = `\r\n${JSON.stringify({ id: "a", text: "A" })}\r\n\r\n   \r\n${JSON.stringify({ id: "b", text: "B" })}`;
    expect((await importJsonl(db, "news", content)).documents).toBe(2);
    expect((await exportRecords(db, "news")).map((record) => record.text)).toEqual(["A", "B"]);
  });
});

describe("importJsonl with an error on line 3", () => {
  const good1 = {
    id: "g1",
    text: "Ana 😀 met Bob",
    annotations: [{ annotator: "carol", spans: [{ start: 0, end: 3, label: "PER" }] }],
  };
  const good2 = {
    id: "g2",
    text: "Zoë in Paris",
    annotations: [{ annotator: "dave", spans: [{ start: 7, end: 12, label: "LOC" }] }],
  };

  it.each([
    {
      name: "an unknown label",
      line3: JSON.stringify({
        id: "bad",
        text: "Ana met Bob",
        annotations: [{ annotator: "erin", spans: [{ start: 0, end: 3, label: "MISC" }] }],
      }),
      field: "annotations[0].spans[0].label",
      reason: /unknown label "MISC" \(the project's labels: ORG, PER, LOC\)/,
    },
    {
      name: "overlapping spans in a project without allowOverlap",
      line3: JSON.stringify({
        id: "bad",
        text: "New York City Hall",
        annotations: [
          { annotator: "erin", spans: [] },
          {
            annotator: "frank",
            spans: [
              { start: 0, end: 13, label: "LOC" },
              { start: 9, end: 18, label: "ORG" },
            ],
          },
        ],
      }),
      field: "annotations[1].spans[1]",
      reason: /"frank": “City Hall” overlaps the LOC span “New York City”/,
    },
    {
      name: "the same range with two labels in a project without allowOverlap",
      line3: JSON.stringify({
        id: "bad",
        text: "Ana",
        annotations: [
          {
            annotator: "erin",
            spans: [
              { start: 0, end: 3, label: "PER" },
              { start: 0, end: 3, label: "ORG" },
            ],
          },
        ],
      }),
      field: "annotations[0].spans[1]",
      reason: /overlaps/,
    },
    { name: "bad JSON", line3: '{"id": "bad", "text": ', field: null, reason: /not valid JSON/ },
    {
      name: "an id already used on line 1",
      line3: JSON.stringify({ id: "g1", text: "again" }),
      field: "id",
      reason: /already used on line 1/,
    },
    {
      name: "an end past the text",
      line3: JSON.stringify({
        id: "bad",
        text: "😀😀",
        annotations: [{ annotator: "erin", spans: [{ start: 0, end: 3, label: "PER" }] }],
      }),
      field: "annotations[0].spans[0].end",
      reason: /past the end/,
    },
  ])(
    "refuses $name, naming line 3 and the field, and imports nothing",
    async ({ line3, field, reason }) => {
      const db = await freshProject();
      await importJsonl(db, "news", jsonl([{ id: "existing", text: "already here" }]));
      const before = {
        documents: await rowCount(db, "documents"),
        users: await rowCount(db, "users"),
        annotations: await rowCount(db, "annotations"),
        spans: await rowCount(db, "spans"),
      };

      const content = `${JSON.stringify(good1)}\n${JSON.stringify(good2)}\n${line3}\n${JSON.stringify({ id: "g4", text: "after" })}\n`;
      const error = await catchError(() => importJsonl(db, "news", content));

      expect(error).toBeInstanceOf(InputError);
      const inputError = error as InputError;
      expect(inputError.code).toBe("BAD_REQUEST");
      expect(inputError.line).toBe(3);
      expect(inputError.field).toBe(field);
      expect(inputError.reason).toMatch(reason);
      expect(inputError.message).toContain("line 3");
      if (field) expect(inputError.message).toContain(`field "${field}"`);

      expect({
        documents: await rowCount(db, "documents"),
        users: await rowCount(db, "users"),
        annotations: await rowCount(db, "annotations"),
        spans: await rowCount(db, "spans"),
      }).toEqual(before);
      expect((await exportRecords(db, "news")).map((record) => record.id)).toEqual(["existing"]);
    },
  );

  it("counts blank lines when naming the line", async () => {
    const db = await freshProject();
    const content = `${JSON.stringify(good1)}\n\n{oops\n`;
    const error = (await catchError(() => importJsonl(db, "news", content))) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.line).toBe(3);
    expect(await rowCount(db, "documents")).toBe(0);
  });
});

describe("importJsonl of ids already in the project", () => {
  it("reports them as already present and changes nothing", async () => {
    const db = await freshProject();
    const original = corpus.filter((record) => record.id !== undefined);
    await importJsonl(db, "news", jsonl(original));
    const before = await exportRecords(db, "news");
    const rowsBefore = await countTables(db);

    // Same ids, different text and annotations: still left alone.
    const changed = original.map((record) => ({
      ...record,
      text: `${record.text} (edited)`,
      // Two code points: no character of these texts is cut ("é" is e + U+0301).
      annotations: [{ annotator: "mallory", spans: [{ start: 0, end: 2, label: "ORG" }] }],
    }));
    const summary = await importJsonl(db, "news", jsonl(changed));

    expect(summary).toEqual({
      documents: 0,
      annotations: 0,
      spans: 0,
      alreadyPresent: original.length,
    });
    expect(await exportRecords(db, "news")).toEqual(before);
    expect(await countTables(db)).toEqual(rowsBefore);
  });

  it("imports the new documents of a file that mixes new and known ids", async () => {
    const db = await freshProject();
    await importJsonl(db, "news", jsonl([{ id: "a", text: "A" }]));
    const summary = await importJsonl(
      db,
      "news",
      jsonl([{ id: "a", text: "A2" }, { id: "b", text: "B" }, { text: "C" }]),
    );
    expect(summary).toEqual({ documents: 2, annotations: 0, spans: 0, alreadyPresent: 1 });
    expect((await exportRecords(db, "news")).map((record) => record.text)).toEqual(["A", "B", "C"]);
  });

  it("treats the same external id in another project as a different document", async () => {
    const db = await freshProject();
    await createProject(db, { slug: "other", name: "Other", labels: ["ORG"] });
    await importJsonl(db, "news", jsonl([{ id: "a", text: "A" }]));
    expect((await importJsonl(db, "other", jsonl([{ id: "a", text: "A" }]))).documents).toBe(1);
  });
});

describe("project errors", () => {
  it("refuses to import into or export from an unknown project", async () => {
    const db = await freshProject();
    for (const run of [
      () => importJsonl(db, "nope", jsonl([{ text: "x" }])),
      () => collect(exportJsonl(db, "nope", { kind: "all" })),
    ]) {
      const error = await catchError(run);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("NOT_FOUND");
      expect((error as DomainError).message).toContain('"nope"');
    }
    expect(await rowCount(db, "documents")).toBe(0);
  });
});

describe("parseExportSource", () => {
  it.each([
    ["all", { kind: "all" }],
    ["gold", { kind: "gold" }],
    ["annotator:alice", { kind: "annotator", name: "alice" }],
    ["annotator:Zoë Ng", { kind: "annotator", name: "Zoë Ng" }],
    ["annotator:a:b", { kind: "annotator", name: "a:b" }],
  ])("parses %j", (value, expected) => {
    expect(parseExportSource(value)).toEqual(expected);
  });

  it.each([
    ["annotator:", /source "annotator:": use all, gold or annotator:NAME/],
    ["ALL", /source "ALL"/],
    ["", /source "": use all/],
    ["alice", /source "alice"/],
  ])("refuses %j with BAD_REQUEST", async (value, message) => {
    const error = await catchError(() => parseExportSource(value));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("BAD_REQUEST");
    expect((error as DomainError).message).toMatch(message);
  });
});
