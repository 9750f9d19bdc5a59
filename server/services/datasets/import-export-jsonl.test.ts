import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/open-database";
import { annotations, documents, labels, spans, users } from "@/db/schema";
import { DomainError, InputError } from "@/domain/errors";
import { codePointSpan } from "@/domain/test-support/format-records";
import { nth } from "@/domain/test-support/lists";
import { rowCount } from "../../test-support/datasets";
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

function exportRecords(db: Db, slug: string, source: ExportSource = { kind: "all" }) {
  return [...exportJsonl(db, slug, source)].map((line) => JSON.parse(line) as ExportedRecord);
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error, but nothing was thrown");
}

function freshProject(allowOverlap = false) {
  const db = openDatabase(":memory:");
  createProject(db, { slug: "news", name: "News", labels: ["ORG", "PER", "LOC"], allowOverlap });
  return db;
}

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
  it("imports documents, annotators and spans, and reports what it did", () => {
    const db = freshProject();
    const summary = importJsonl(db, "news", jsonl(corpus));
    expect(summary).toEqual({ documents: 4, annotations: 4, spans: 8, alreadyPresent: 0 });

    // Annotators named in the file become users and annotators of the project.
    const project = findProjectBySlug(db, "news");
    for (const name of ["alice", "bob"]) {
      const user = db.select().from(users).where(eq(users.name, name)).get();
      expect(user).toBeDefined();
      expect(user?.email).toBeNull();
      expect(user?.passwordHash).toBeNull();
      if (!user) throw new Error(`no user ${name}`);
      expect(findMembership(db, project.id, user.id)?.role).toBe("annotator");
    }
  });

  it("stores UTF-16 offsets, so a JavaScript slice of the stored text finds the annotated words", () => {
    const db = freshProject();
    importJsonl(db, "news", jsonl(corpus));
    const rows = db
      .select({ text: documents.text, start: spans.start, end: spans.end, label: labels.name })
      .from(spans)
      .innerJoin(annotations, eq(annotations.id, spans.annotationId))
      .innerJoin(users, eq(users.id, annotations.userId))
      .innerJoin(documents, eq(documents.id, annotations.documentId))
      .innerJoin(labels, eq(labels.id, spans.labelId))
      .where(eq(users.name, "alice"))
      .orderBy(asc(documents.id), asc(spans.start))
      .all();
    expect(rows.map((row) => [row.text.slice(row.start, row.end), row.label])).toEqual([
      ["Ana", "PER"],
      ["Bob", "PER"],
      ["東京", "LOC"],
      ["Zoë", "PER"],
      ["𠮷野家 Inc", "ORG"],
      ["🇯🇵", "LOC"],
    ]);
  });

  it("exports all annotators with the same ids, texts, meta, statuses, spans and offsets", () => {
    const db = freshProject();
    importJsonl(db, "news", jsonl(corpus));

    const exported = exportRecords(db, "news");

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

  it("exports one annotator's layer with annotator:NAME, leaving out documents they never worked on", () => {
    const db = freshProject();
    importJsonl(db, "news", jsonl(corpus));

    const alice = exportRecords(db, "news", parseExportSource("annotator:alice"));
    expect(alice.map((record) => record.text)).toEqual([t1, t2]);
    expect(alice.map((record) => record.annotations)).toEqual([
      [{ annotator: "alice", status: "submitted", spans: d1Alice }],
      [{ annotator: "alice", status: "submitted", spans: d2Alice }],
    ]);

    const bob = exportRecords(db, "news", parseExportSource("annotator:bob"));
    expect(bob.map((record) => record.annotations)).toEqual([
      [{ annotator: "bob", status: "in_progress", spans: d1Bob }],
      [{ annotator: "bob", status: "submitted", spans: d3Bob }],
    ]);

    expect(exportRecords(db, "news", parseExportSource("annotator:nobody"))).toEqual([]);
  });

  it("slices exported offsets Python-style back to the annotated words", () => {
    const db = freshProject();
    importJsonl(db, "news", jsonl(corpus));
    const words = exportRecords(db, "news").flatMap((record) =>
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

  it("exports what it imports, so a second project gets the same file back", () => {
    const db = freshProject();
    createProject(db, { slug: "copy", name: "Copy", labels: ["ORG", "PER", "LOC"] });
    importJsonl(db, "news", jsonl(corpus));
    const first = [...exportJsonl(db, "news", { kind: "all" })];
    importJsonl(db, "copy", first.join("\n"));
    expect([...exportJsonl(db, "copy", { kind: "all" })]).toEqual(first);
  });

  it("keeps an annotation without spans, with its status", () => {
    const db = freshProject();
    importJsonl(
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
    expect(nth(exportRecords(db, "news"), 0).annotations).toEqual([
      { annotator: "carol", status: "in_progress", spans: [] },
    ]);
  });

  it("exports every document of a project larger than one page, in import order", () => {
    const db = freshProject();
    const many = Array.from({ length: 1203 }, (_, i) => ({
      id: `n${i}`,
      text: `document ${i} 😀`,
    }));
    expect(importJsonl(db, "news", jsonl(many)).documents).toBe(1203);
    const ids = exportRecords(db, "news").map((record) => record.id);
    expect(ids).toEqual(many.map((record) => record.id));

    // Re-importing checks the ids in slices too: all of them are found.
    expect(importJsonl(db, "news", jsonl(many))).toEqual({
      documents: 0,
      annotations: 0,
      spans: 0,
      alreadyPresent: 1203,
    });
  });

  it("accepts overlapping spans in a project that allows them", () => {
    const db = freshProject(true);
    const text = "New York City Hall";
    const summary = importJsonl(
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
    expect(nth(nth(exportRecords(db, "news"), 0).annotations, 0).spans).toEqual([
      at(text, "New York City", "LOC"),
      at(text, "City Hall", "ORG"),
    ]);
  });

  it("accepts touching spans in a project that forbids overlaps", () => {
    const db = freshProject();
    const text = "AnaBob";
    const summary = importJsonl(
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

  it("skips blank lines and Windows line endings", () => {
    const db = freshProject();
    const content = `\r\n${JSON.stringify({ id: "a", text: "A" })}\r\n\r\n   \r\n${JSON.stringify({ id: "b", text: "B" })}`;
    expect(importJsonl(db, "news", content).documents).toBe(2);
    expect(exportRecords(db, "news").map((record) => record.text)).toEqual(["A", "B"]);
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
    ({ line3, field, reason }) => {
      const db = freshProject();
      importJsonl(db, "news", jsonl([{ id: "existing", text: "already here" }]));
      const before = {
        documents: rowCount(db, documents),
        users: rowCount(db, users),
        annotations: rowCount(db, annotations),
        spans: rowCount(db, spans),
      };

      const content = `${JSON.stringify(good1)}\n${JSON.stringify(good2)}\n${line3}\n${JSON.stringify({ id: "g4", text: "after" })}\n`;
      const error = catchError(() => importJsonl(db, "news", content));

      expect(error).toBeInstanceOf(InputError);
      const inputError = error as InputError;
      expect(inputError.code).toBe("BAD_REQUEST");
      expect(inputError.line).toBe(3);
      expect(inputError.field).toBe(field);
      expect(inputError.reason).toMatch(reason);
      expect(inputError.message).toContain("line 3");
      if (field) expect(inputError.message).toContain(`field "${field}"`);

      expect({
        documents: rowCount(db, documents),
        users: rowCount(db, users),
        annotations: rowCount(db, annotations),
        spans: rowCount(db, spans),
      }).toEqual(before);
      expect(exportRecords(db, "news").map((record) => record.id)).toEqual(["existing"]);
    },
  );

  it("counts blank lines when naming the line", () => {
    const db = freshProject();
    const content = `${JSON.stringify(good1)}\n\n{oops\n`;
    const error = catchError(() => importJsonl(db, "news", content)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.line).toBe(3);
    expect(rowCount(db, documents)).toBe(0);
  });
});

describe("importJsonl of ids already in the project", () => {
  it("reports them as already present and changes nothing", () => {
    const db = freshProject();
    const original = corpus.filter((record) => record.id !== undefined);
    importJsonl(db, "news", jsonl(original));
    const before = exportRecords(db, "news");
    const rowsBefore = [documents, users, annotations, spans].map((table) => rowCount(db, table));

    // Same ids, different text and annotations: still left alone.
    const changed = original.map((record) => ({
      ...record,
      text: `${record.text} (edited)`,
      // Two code points: no character of these texts is cut ("é" is e + U+0301).
      annotations: [{ annotator: "mallory", spans: [{ start: 0, end: 2, label: "ORG" }] }],
    }));
    const summary = importJsonl(db, "news", jsonl(changed));

    expect(summary).toEqual({
      documents: 0,
      annotations: 0,
      spans: 0,
      alreadyPresent: original.length,
    });
    expect(exportRecords(db, "news")).toEqual(before);
    expect([documents, users, annotations, spans].map((table) => rowCount(db, table))).toEqual(
      rowsBefore,
    );
  });

  it("imports the new documents of a file that mixes new and known ids", () => {
    const db = freshProject();
    importJsonl(db, "news", jsonl([{ id: "a", text: "A" }]));
    const summary = importJsonl(
      db,
      "news",
      jsonl([{ id: "a", text: "A2" }, { id: "b", text: "B" }, { text: "C" }]),
    );
    expect(summary).toEqual({ documents: 2, annotations: 0, spans: 0, alreadyPresent: 1 });
    expect(exportRecords(db, "news").map((record) => record.text)).toEqual(["A", "B", "C"]);
  });

  it("treats the same external id in another project as a different document", () => {
    const db = freshProject();
    createProject(db, { slug: "other", name: "Other", labels: ["ORG"] });
    importJsonl(db, "news", jsonl([{ id: "a", text: "A" }]));
    expect(importJsonl(db, "other", jsonl([{ id: "a", text: "A" }])).documents).toBe(1);
  });
});

describe("project errors", () => {
  it("refuses to import into or export from an unknown project", () => {
    const db = freshProject();
    for (const run of [
      () => importJsonl(db, "nope", jsonl([{ text: "x" }])),
      () => [...exportJsonl(db, "nope", { kind: "all" })],
    ]) {
      const error = catchError(run);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("NOT_FOUND");
      expect((error as DomainError).message).toContain('"nope"');
    }
    expect(rowCount(db, documents)).toBe(0);
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
  ])("refuses %j with BAD_REQUEST", (value, message) => {
    const error = catchError(() => parseExportSource(value));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("BAD_REQUEST");
    expect((error as DomainError).message).toMatch(message);
  });
});
