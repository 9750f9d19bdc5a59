import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import type { MemberRole } from "@/db/schema";
import { openTestDatabase } from "@/db/test-support/test-database";
import type { SpanContent } from "@/domain/span-edits";
import { nth } from "@/domain/test-support/lists";
import { createCaller } from "../root";
import { createProject, listLabels, setMembership } from "../services/projects";
import type { PublicUser } from "../services/users";
import { anonymousCaller, callerAs, type Caller } from "../test-support/callers";
import { newDocument as insertDocument } from "../test-support/documents";
import { layerVersion } from "../test-support/layers";
import { expectTrpcError } from "../test-support/trpc-errors";
import { newUser } from "../test-support/users";

let db: Db;
const people = {} as Record<"owner" | "annotator" | "reviewer" | "outsider", PublicUser>;
type LabelIds = { ORG: number; PER: number };
const projects = {} as Record<"strict" | "loose" | "other", { id: number; labels: LabelIds }>;

/** Whose each caller is, so that a write can name the version of the caller's own layer. */
const users = new WeakMap<Caller, number>();
const as = (who: keyof typeof people): Caller => {
  const caller = callerAs(db, people[who]);
  users.set(caller, people[who].id);
  return caller;
};
const anonymous = (): Caller => anonymousCaller(db);

/** The caller's layer version as an up-to-date page sends it (0 for nobody's). */
const seen = async (caller: Caller, documentId: number) => {
  const userId = users.get(caller);
  return userId === undefined ? 0 : await layerVersion(db, documentId, userId);
};

type SpanInput = SpanContent & { documentId: number };

/** One span added through `annotation.edit`, returned with its id and the layer's new version. */
async function addSpan(caller: Caller, { documentId, ...span }: SpanInput) {
  const result = await caller.annotation.edit({
    documentId,
    baseVersion: await seen(caller, documentId),
    edits: [{ kind: "add", spans: [span] }],
  });
  return { span: nth(result.spans, 0), version: result.version };
}

async function relabelSpan(caller: Caller, documentId: number, span: SpanContent, to: number) {
  const { start, end, labelId: from } = span;
  return caller.annotation.edit({
    documentId,
    baseVersion: await seen(caller, documentId),
    edits: [{ kind: "relabel", start, end, from, to }],
  });
}

async function deleteSpan(caller: Caller, documentId: number, span: SpanContent) {
  const { start, end, labelId } = span;
  return caller.annotation.edit({
    documentId,
    baseVersion: await seen(caller, documentId),
    edits: [{ kind: "delete", spans: [{ start, end, labelId }] }],
  });
}

/** A fresh document in the given project, so that tests do not see each other's spans. */
const newDocument = (project: keyof typeof projects, text: string): Promise<number> =>
  insertDocument(db, projects[project].id, text);

beforeAll(async () => {
  db = await openTestDatabase();
  for (const role of ["owner", "annotator", "reviewer", "outsider"] as const) {
    people[role] = await newUser(db, role);
  }
  const make = async (slug: string, allowOverlap: boolean) => {
    const project = await createProject(db, {
      slug,
      name: slug,
      labels: ["ORG", "PER"],
      allowOverlap,
    });
    const projectLabels = await listLabels(db, project.id);
    const labelId = (name: string) => {
      const label = projectLabels.find((candidate) => candidate.name === name);
      if (!label) throw new Error(`no label ${name} in ${slug}`);
      return label.id;
    };
    const labels: LabelIds = { ORG: labelId("ORG"), PER: labelId("PER") };
    const roles: [keyof typeof people, MemberRole][] = [
      ["owner", "owner"],
      ["annotator", "annotator"],
      ["reviewer", "reviewer"],
    ];
    for (const [who, role] of roles) await setMembership(db, project.id, people[who].id, role);
    return { id: project.id, labels };
  };
  projects.strict = await make("strict", false);
  projects.loose = await make("loose", true);
  projects.other = await make("other", false);
});

describe("without a session", () => {
  it.each([
    ["project.list", (c: Caller) => c.project.list()],
    ["project.bySlug", (c: Caller) => c.project.bySlug({ projectSlug: "strict" })],
    ["document.workspace", (c: Caller) => c.document.workspace({ documentId: 1 })],
    ["annotation.edit", (c: Caller) => addSpan(c, { documentId: 1, start: 0, end: 1, labelId: 1 })],
    ["annotation.submit", (c: Caller) => c.annotation.submit({ documentId: 1, baseVersion: 0 })],
  ])("%s is UNAUTHORIZED", async (_, call) => {
    await newDocument("strict", "some text");
    await expectTrpcError(call(anonymous()), "UNAUTHORIZED");
  });

  it("refuses a session whose user id is not a number", async () => {
    const caller = createCaller({
      session: {
        user: { id: "abc", name: "x", email: "x@example.com" },
        expires: "2999-01-01T00:00:00.000Z",
      },
      db,
    });
    await expectTrpcError(caller.project.list(), "UNAUTHORIZED");
  });

  it("does not change anything", async () => {
    const documentId = await newDocument("strict", "Ana");
    await expectTrpcError(
      addSpan(anonymous(), {
        documentId,
        start: 0,
        end: 3,
        labelId: projects.strict.labels.PER,
      }),
      "UNAUTHORIZED",
    );
    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual([]);
  });
});

describe("project router", () => {
  it("lists only the caller's projects, with their role", async () => {
    const listed = await as("reviewer").project.list();
    expect(listed.map((project) => [project.slug, project.role]).sort()).toEqual([
      ["loose", "reviewer"],
      ["other", "reviewer"],
      ["strict", "reviewer"],
    ]);
    expect(await as("outsider").project.list()).toEqual([]);
  });

  it("shows a project to its members", async () => {
    const project = await as("annotator").project.bySlug({ projectSlug: "other" });
    expect(project.slug).toBe("other");
    expect(project.role).toBe("annotator");
  });

  it("gives a non-member NOT_FOUND, exactly as for a project that does not exist", async () => {
    const hidden = await expectTrpcError(
      as("outsider").project.bySlug({ projectSlug: "strict" }),
      "NOT_FOUND",
      /no project with slug "strict"/,
    );
    const missing = await expectTrpcError(
      as("outsider").project.bySlug({ projectSlug: "does-not-exist" }),
      "NOT_FOUND",
    );
    expect(missing.message.replace("does-not-exist", "strict")).toBe(hidden.message);
  });

  it("refuses a malformed slug with BAD_REQUEST", async () => {
    await expectTrpcError(as("owner").project.bySlug({ projectSlug: "Not A Slug" }), "BAD_REQUEST");
  });
});

describe("document.workspace", () => {
  it("gives a non-member NOT_FOUND", async () => {
    const documentId = await newDocument("strict", "secret text");
    await expectTrpcError(
      as("outsider").document.workspace({ documentId }),
      "NOT_FOUND",
      /no document/,
    );
  });

  it("gives NOT_FOUND for a document that does not exist", async () => {
    await expectTrpcError(as("owner").document.workspace({ documentId: 999_999 }), "NOT_FOUND");
  });

  it("shows a reviewer the text, labels and that they may not annotate", async () => {
    const documentId = await newDocument("strict", "Ana 😀 met Bob");
    const workspace = await as("reviewer").document.workspace({ documentId });
    expect(workspace.document.text).toBe("Ana 😀 met Bob");
    expect(workspace.capabilities.annotate).toBe(false);
    expect(workspace.project).toEqual({ slug: "strict", name: "strict", allowOverlap: false });
    expect(workspace.labels.map((label) => label.name)).toEqual(["ORG", "PER"]);
    expect(workspace.annotation).toEqual({
      status: "not_started",
      version: 0,
      spans: [],
      relations: [],
      choices: [],
    });
  });

  it("gives the document's language and direction, from its meta or else its text", async () => {
    const hebrew = await newDocument("strict", "נפגש עם NATO.");
    const declared = await newDocument("strict", "Ana met Bob");
    const { documents } = tablesOf(db);
    await db
      .update(documents)
      .set({ meta: { lang: "ar" } })
      .where(eq(documents.id, declared));
    const of = async (documentId: number) => {
      const { lang, dir } = (await as("owner").document.workspace({ documentId })).document;
      return { lang, dir };
    };
    expect(await of(hebrew)).toEqual({ lang: "", dir: "rtl" });
    expect(await of(declared)).toEqual({ lang: "ar", dir: "rtl" });
  });

  it("returns only the caller's own spans", async () => {
    const documentId = await newDocument("strict", "Ana met Bob");
    const { PER, ORG } = projects.strict.labels;
    await addSpan(as("annotator"), { documentId, start: 0, end: 3, labelId: PER });
    await addSpan(as("owner"), { documentId, start: 8, end: 11, labelId: ORG });
    await addSpan(as("owner"), { documentId, start: 0, end: 3, labelId: ORG });

    const mine = await as("annotator").document.workspace({ documentId });
    expect(
      mine.annotation.spans.map(({ start, end, labelId }) => ({ start, end, labelId })),
    ).toEqual([{ start: 0, end: 3, labelId: PER }]);
    const theirs = await as("owner").document.workspace({ documentId });
    expect(
      theirs.annotation.spans.map(({ start, end, labelId }) => ({ start, end, labelId })),
    ).toEqual([
      { start: 0, end: 3, labelId: ORG },
      { start: 8, end: 11, labelId: ORG },
    ]);
    const reviewer = await as("reviewer").document.workspace({ documentId });
    expect(reviewer.annotation.spans).toEqual([]);
  });
});

describe("annotation.edit: adding", () => {
  it("adds a span to the caller's annotation", async () => {
    const text = "👍🏽 Ana";
    const documentId = await newDocument("strict", text);
    const labelId = projects.strict.labels.PER;
    const start = text.indexOf("Ana");
    const result = await addSpan(as("annotator"), {
      documentId,
      start,
      end: start + 3,
      labelId,
    });
    expect(result.span).toMatchObject({ start, end: start + 3, labelId });
    expect(result.version).toBeGreaterThan(0);

    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual([result.span]);
    expect(workspace.annotation.status).toBe("in_progress");
    expect(workspace.annotation.version).toBe(result.version);
    const span = nth(workspace.annotation.spans, 0);
    expect(text.slice(span.start, span.end)).toBe("Ana");
  });

  it("lets the owner annotate too", async () => {
    const documentId = await newDocument("strict", "Ana");
    const result = await addSpan(as("owner"), {
      documentId,
      start: 0,
      end: 3,
      labelId: projects.strict.labels.PER,
    });
    expect(result.span).toMatchObject({ start: 0, end: 3 });
  });

  it("gives a reviewer FORBIDDEN", async () => {
    const documentId = await newDocument("strict", "Ana met Bob");
    await expectTrpcError(
      addSpan(as("reviewer"), {
        documentId,
        start: 0,
        end: 3,
        labelId: projects.strict.labels.PER,
      }),
      "FORBIDDEN",
      /reviewer cannot annotate/,
    );
    const workspace = await as("reviewer").document.workspace({ documentId });
    expect(workspace.annotation).toEqual({
      status: "not_started",
      version: 0,
      spans: [],
      relations: [],
      choices: [],
    });
  });

  it("gives a non-member NOT_FOUND", async () => {
    const documentId = await newDocument("strict", "Ana met Bob");
    await expectTrpcError(
      addSpan(as("outsider"), {
        documentId,
        start: 0,
        end: 3,
        labelId: projects.strict.labels.PER,
      }),
      "NOT_FOUND",
    );
  });

  it.each([
    ["start equal to end", 3, 3, /start 3 must be less than end 3/],
    ["start after end", 5, 2, /start 5 must be less than end 2/],
    ["end past the text", 0, 12, /end 12 is past the end of the text \(length 11\)/],
    ["an offset inside an emoji", 0, 9, /split a character/],
  ])("refuses %s with BAD_REQUEST", async (_, start, end, message) => {
    // "Ana met " is 8 units, the emoji 2 more, then "!": 11 units in all.
    const documentId = await newDocument("strict", "Ana met 😀!");
    await expectTrpcError(
      addSpan(as("annotator"), {
        documentId,
        start,
        end,
        labelId: projects.strict.labels.PER,
      }),
      "BAD_REQUEST",
      message,
    );
    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual([]);
  });

  it("refuses a negative offset with BAD_REQUEST", async () => {
    const documentId = await newDocument("strict", "Ana");
    await expectTrpcError(
      addSpan(as("annotator"), {
        documentId,
        start: -1,
        end: 2,
        labelId: projects.strict.labels.PER,
      }),
      "BAD_REQUEST",
    );
  });

  it("refuses another project's label with BAD_REQUEST", async () => {
    const documentId = await newDocument("strict", "Ana met Bob");
    const foreign = projects.other.labels.PER;
    await expectTrpcError(
      addSpan(as("annotator"), { documentId, start: 0, end: 3, labelId: foreign }),
      "BAD_REQUEST",
      new RegExp(`label ${foreign} does not belong to this project`),
    );
    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual([]);
  });

  it("refuses an overlapping span in a project without allowOverlap, but accepts a touching one", async () => {
    const documentId = await newDocument("strict", "New York City Hall");
    const { PER, ORG } = projects.strict.labels;
    await addSpan(as("annotator"), { documentId, start: 0, end: 13, labelId: PER });
    await expectTrpcError(
      addSpan(as("annotator"), { documentId, start: 9, end: 18, labelId: ORG }),
      "BAD_REQUEST",
      /“City Hall” overlaps the PER span “New York City”/,
    );
    await expectTrpcError(
      addSpan(as("annotator"), { documentId, start: 0, end: 13, labelId: ORG }),
      "BAD_REQUEST",
      /overlaps/,
    );
    await addSpan(as("annotator"), { documentId, start: 14, end: 18, labelId: ORG });
    await addSpan(as("annotator"), { documentId, start: 13, end: 14, labelId: ORG });

    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans.map((span) => [span.start, span.end])).toEqual([
      [0, 13],
      [13, 14],
      [14, 18],
    ]);
  });

  it("does not count another user's spans as overlapping", async () => {
    const documentId = await newDocument("strict", "New York City Hall");
    await addSpan(as("owner"), {
      documentId,
      start: 0,
      end: 13,
      labelId: projects.strict.labels.ORG,
    });
    const result = await addSpan(as("annotator"), {
      documentId,
      start: 9,
      end: 18,
      labelId: projects.strict.labels.ORG,
    });
    expect(result.span).toMatchObject({ start: 9, end: 18 });
  });

  it("accepts overlapping and nested spans in a project with allowOverlap", async () => {
    const documentId = await newDocument("loose", "New York City Hall");
    const { ORG, PER } = projects.loose.labels;
    await addSpan(as("annotator"), { documentId, start: 0, end: 13, labelId: ORG });
    await addSpan(as("annotator"), { documentId, start: 9, end: 18, labelId: ORG });
    await addSpan(as("annotator"), { documentId, start: 4, end: 8, labelId: PER });
    await addSpan(as("annotator"), { documentId, start: 0, end: 13, labelId: PER });

    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.project.allowOverlap).toBe(true);
    const key = (start: number, end: number, labelId: number) => `${start}-${end}:${labelId}`;
    expect(
      workspace.annotation.spans.map((span) => key(span.start, span.end, span.labelId)).sort(),
    ).toEqual([key(0, 13, ORG), key(0, 13, PER), key(4, 8, PER), key(9, 18, ORG)].sort());
  });

  it("keeps an identical span once", async () => {
    const documentId = await newDocument("loose", "Ana met Bob");
    const labelId = projects.loose.labels.PER;
    const first = await addSpan(as("annotator"), {
      documentId,
      start: 0,
      end: 3,
      labelId,
    });
    const second = await addSpan(as("annotator"), {
      documentId,
      start: 0,
      end: 3,
      labelId,
    });
    expect(second.span).toEqual(first.span);
    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual([first.span]);
  });
});

describe("annotation.edit: relabelling and deleting", () => {
  it("relabels and deletes the caller's own span", async () => {
    const documentId = await newDocument("strict", "Ana met Bob");
    const { ORG, PER } = projects.strict.labels;
    const added = await addSpan(as("annotator"), { documentId, start: 0, end: 3, labelId: PER });

    const relabelled = await relabelSpan(as("annotator"), documentId, added.span, ORG);
    expect(relabelled.spans).toEqual([expect.objectContaining({ start: 0, end: 3, labelId: ORG })]);
    let workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual(relabelled.spans);

    await deleteSpan(as("annotator"), documentId, nth(relabelled.spans, 0));
    workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual([]);
  });

  it("merges a span relabelled onto an identical one", async () => {
    const documentId = await newDocument("loose", "Ana met Bob");
    const { ORG, PER } = projects.loose.labels;
    const asOrg = await addSpan(as("annotator"), { documentId, start: 0, end: 3, labelId: ORG });
    const asPer = await addSpan(as("annotator"), { documentId, start: 0, end: 3, labelId: PER });
    const result = await relabelSpan(as("annotator"), documentId, asPer.span, ORG);
    expect(result.spans).toEqual([asOrg.span]);
    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual([asOrg.span]);
  });

  it("refuses relabelling to another project's label with BAD_REQUEST", async () => {
    const documentId = await newDocument("strict", "Ana");
    const added = await addSpan(as("annotator"), {
      documentId,
      start: 0,
      end: 3,
      labelId: projects.strict.labels.PER,
    });
    await expectTrpcError(
      relabelSpan(as("annotator"), documentId, added.span, projects.other.labels.ORG),
      "BAD_REQUEST",
      /does not belong to this project/,
    );
  });

  it("applies a list of edits as one change, all or none", async () => {
    const documentId = await newDocument("strict", "Ana met Bob");
    const { ORG, PER } = projects.strict.labels;
    const ana = { start: 0, end: 3, labelId: PER };
    const added = await addSpan(as("annotator"), { documentId, ...ana });
    // Deleting a span and adding one it overlapped is fine in one edit: the result is judged.
    const result = await as("annotator").annotation.edit({
      documentId,
      baseVersion: added.version,
      edits: [
        { kind: "delete", spans: [ana] },
        { kind: "add", spans: [{ start: 0, end: 7, labelId: ORG }] },
        { kind: "relabel", start: 0, end: 7, from: ORG, to: PER },
      ],
    });
    expect(result.version).toBe(added.version + 1);
    expect(result.spans).toEqual([expect.objectContaining({ start: 0, end: 7, labelId: PER })]);
    await expectTrpcError(
      as("annotator").annotation.edit({
        documentId,
        baseVersion: result.version,
        edits: [
          { kind: "add", spans: [{ start: 8, end: 11, labelId: ORG }] },
          { kind: "add", spans: [{ start: 4, end: 9, labelId: ORG }] },
        ],
      }),
      "BAD_REQUEST",
      /“met B” overlaps the PER span “Ana met”/,
    );
    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual(result.spans);
    expect(workspace.annotation.version).toBe(result.version);
  });

  it("edits only the caller's own layer, whoever else has the same span", async () => {
    const documentId = await newDocument("strict", "Ana met Bob");
    const { ORG, PER } = projects.strict.labels;
    const added = await addSpan(as("annotator"), { documentId, start: 0, end: 3, labelId: PER });

    await expectTrpcError(
      relabelSpan(as("owner"), documentId, added.span, ORG),
      "NOT_FOUND",
      /the PER span “Ana” is not there/,
    );
    await deleteSpan(as("owner"), documentId, added.span);
    await expectTrpcError(deleteSpan(as("reviewer"), documentId, added.span), "FORBIDDEN");
    await expectTrpcError(deleteSpan(as("outsider"), documentId, added.span), "NOT_FOUND");

    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual([added.span]);
    expect(workspace.annotation.version).toBe(added.version);
  });

  it("treats deleting a span that is not there as done, without a new version", async () => {
    const documentId = await newDocument("strict", "Ana met Bob");
    const added = await addSpan(as("annotator"), {
      documentId,
      start: 0,
      end: 3,
      labelId: projects.strict.labels.PER,
    });
    const again = await deleteSpan(as("annotator"), documentId, {
      ...added.span,
      start: 4,
      end: 7,
    });
    expect(again.version).toBe(added.version);
  });

  it("refuses an edit naming more than 5,000 spans before touching anything", async () => {
    const documentId = await newDocument("loose", "x".repeat(6_000));
    const spans = Array.from({ length: 5_001 }, (_, i) => ({
      start: i,
      end: i + 1,
      labelId: projects.loose.labels.PER,
    }));
    await expectTrpcError(
      as("annotator").annotation.edit({
        documentId,
        baseVersion: 0,
        edits: [{ kind: "add", spans }],
      }),
      "BAD_REQUEST",
      /at most 5000 spans/,
    );
  });
});

describe("annotation.submit and versions", () => {
  it("sets the status to submitted, visible in the workspace and the document list", async () => {
    const documentId = await newDocument("other", "Ana met Bob");
    const result = await as("annotator").annotation.submit({
      documentId,
      baseVersion: await seen(as("annotator"), documentId),
    });
    expect(result.status).toBe("submitted");

    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.status).toBe("submitted");
    const project = await as("annotator").document.list({ projectSlug: "other", limit: 200 });
    expect(project.items.find((document) => document.id === documentId)?.status).toBe("submitted");
    // Someone else's progress is their own.
    const owner = await as("owner").document.list({ projectSlug: "other", limit: 200 });
    expect(owner.items.find((document) => document.id === documentId)?.status).toBe("not_started");
  });

  it("gives a reviewer FORBIDDEN and a non-member NOT_FOUND", async () => {
    const documentId = await newDocument("other", "Ana");
    await expectTrpcError(
      as("reviewer").annotation.submit({
        documentId,
        baseVersion: await seen(as("annotator"), documentId),
      }),
      "FORBIDDEN",
    );
    await expectTrpcError(
      as("outsider").annotation.submit({
        documentId,
        baseVersion: await seen(as("annotator"), documentId),
      }),
      "NOT_FOUND",
    );
  });

  it("raises the version by one on every change", async () => {
    const documentId = await newDocument("strict", "Ana met Bob");
    const { ORG, PER } = projects.strict.labels;
    const caller = as("annotator");
    expect((await caller.document.workspace({ documentId })).annotation.version).toBe(0);

    const added = await addSpan(caller, { documentId, start: 0, end: 3, labelId: PER });
    const second = await addSpan(caller, {
      documentId,
      start: 8,
      end: 11,
      labelId: PER,
    });
    const relabelled = await relabelSpan(caller, documentId, added.span, ORG);
    const deleted = await deleteSpan(caller, documentId, second.span);
    const submitted = await caller.annotation.submit({
      documentId,
      baseVersion: await seen(caller, documentId),
    });

    const versions = [added, second, relabelled, deleted, submitted].map((step) => step.version);
    expect(versions[0]).toBeGreaterThan(0);
    versions.slice(1).forEach((version, i) => expect(version).toBe(nth(versions, i) + 1));
    expect((await caller.document.workspace({ documentId })).annotation.version).toBe(
      submitted.version,
    );
  });

  it("does not raise the version on a refused change", async () => {
    const documentId = await newDocument("strict", "Ana met Bob");
    const caller = as("annotator");
    const added = await addSpan(caller, {
      documentId,
      start: 0,
      end: 3,
      labelId: projects.strict.labels.PER,
    });
    await expectTrpcError(
      addSpan(caller, {
        documentId,
        start: 1,
        end: 5,
        labelId: projects.strict.labels.PER,
      }),
      "BAD_REQUEST",
    );
    expect((await caller.document.workspace({ documentId })).annotation.version).toBe(
      added.version,
    );
  });
});

describe("annotation.edit on a submitted layer", () => {
  it("takes the layer back to in progress, in the workspace too", async () => {
    const documentId = await newDocument("strict", "Ana met Bob");
    const caller = as("annotator");
    const { span } = await addSpan(caller, {
      documentId,
      start: 0,
      end: 3,
      labelId: projects.strict.labels.PER,
    });
    await caller.annotation.submit({ documentId, baseVersion: await seen(caller, documentId) });

    const edited = await relabelSpan(caller, documentId, span, projects.strict.labels.ORG);
    expect(edited.status).toBe("in_progress");
    expect((await caller.document.workspace({ documentId })).annotation.status).toBe("in_progress");
  });

  it("stays submitted when the edit changes nothing, as a retried save does", async () => {
    const documentId = await newDocument("strict", "Ana met Bob");
    const caller = as("annotator");
    const { span } = await addSpan(caller, {
      documentId,
      start: 0,
      end: 3,
      labelId: projects.strict.labels.PER,
    });
    await caller.annotation.submit({ documentId, baseVersion: await seen(caller, documentId) });

    const again = await caller.annotation.edit({
      documentId,
      baseVersion: await seen(caller, documentId),
      edits: [{ kind: "add", spans: [span] }],
    });
    expect(again.status).toBe("submitted");
    expect((await caller.document.workspace({ documentId })).annotation.status).toBe("submitted");
  });
});
