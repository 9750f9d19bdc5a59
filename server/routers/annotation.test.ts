import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/open-database";
import { documents, type MemberRole } from "@/db/schema";
import { createCaller } from "../root";
import { createProject, listLabels, setMembership } from "../services/projects";
import { createUser, type PublicUser } from "../services/users";

type Caller = ReturnType<typeof createCaller>;
type ErrorCode = TRPCError["code"];

let db: Db;
const people = {} as Record<"owner" | "annotator" | "reviewer" | "outsider", PublicUser>;
type LabelIds = { ORG: number; PER: number };
const projects = {} as Record<"strict" | "loose" | "other", { id: number; labels: LabelIds }>;

function session(user: PublicUser): Session {
  return {
    user: { id: String(user.id), name: user.name, email: user.email },
    expires: "2999-01-01T00:00:00.000Z",
  };
}

function as(who: keyof typeof people): Caller {
  return createCaller({ session: session(people[who]), db });
}

const anonymous = (): Caller => createCaller({ session: null, db });

/** The element at `index`, failing the test when there is none. */
function nth<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`no element ${index} in a list of ${list.length}`);
  return value;
}

let documentCounter = 0;
/** A fresh document in the given project, so that tests do not see each other's spans. */
function newDocument(project: keyof typeof projects, text: string): number {
  return db
    .insert(documents)
    .values({ projectId: projects[project].id, externalId: `doc-${++documentCounter}`, text })
    .returning({ id: documents.id })
    .get().id;
}

async function expectTrpcError(promise: Promise<unknown>, code: ErrorCode, message?: RegExp) {
  const error = await promise.then(
    () => {
      throw new Error(`expected a ${code} error, but the call succeeded`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
  return error as TRPCError;
}

beforeAll(async () => {
  db = openDatabase(":memory:");
  for (const role of ["owner", "annotator", "reviewer", "outsider"] as const) {
    people[role] = await createUser(db, {
      email: `${role}@example.com`,
      name: role,
      password: "correct horse battery",
    });
  }
  const make = (slug: string, allowOverlap: boolean) => {
    const project = createProject(db, { slug, name: slug, labels: ["ORG", "PER"], allowOverlap });
    const labelId = (name: string) => {
      const label = listLabels(db, project.id).find((candidate) => candidate.name === name);
      if (!label) throw new Error(`no label ${name} in ${slug}`);
      return label.id;
    };
    const labels: LabelIds = { ORG: labelId("ORG"), PER: labelId("PER") };
    const roles: [keyof typeof people, MemberRole][] = [
      ["owner", "owner"],
      ["annotator", "annotator"],
      ["reviewer", "reviewer"],
    ];
    for (const [who, role] of roles) setMembership(db, project.id, people[who].id, role);
    return { id: project.id, labels };
  };
  projects.strict = make("strict", false);
  projects.loose = make("loose", true);
  projects.other = make("other", false);
});

describe("without a session", () => {
  it.each([
    ["project.list", (c: Caller) => c.project.list()],
    ["project.bySlug", (c: Caller) => c.project.bySlug({ projectSlug: "strict" })],
    ["document.workspace", (c: Caller) => c.document.workspace({ documentId: 1 })],
    [
      "annotation.addSpan",
      (c: Caller) => c.annotation.addSpan({ documentId: 1, start: 0, end: 1, labelId: 1 }),
    ],
    ["annotation.relabelSpan", (c: Caller) => c.annotation.relabelSpan({ spanId: 1, labelId: 1 })],
    ["annotation.deleteSpan", (c: Caller) => c.annotation.deleteSpan({ spanId: 1 })],
    ["annotation.submit", (c: Caller) => c.annotation.submit({ documentId: 1 })],
  ])("%s is UNAUTHORIZED", async (_, call) => {
    newDocument("strict", "some text");
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
    const documentId = newDocument("strict", "Ana");
    await expectTrpcError(
      anonymous().annotation.addSpan({
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
    const documentId = newDocument("strict", "secret text");
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
    const documentId = newDocument("strict", "Ana 😀 met Bob");
    const workspace = await as("reviewer").document.workspace({ documentId });
    expect(workspace.document.text).toBe("Ana 😀 met Bob");
    expect(workspace.capabilities.annotate).toBe(false);
    expect(workspace.project).toEqual({ slug: "strict", name: "strict", allowOverlap: false });
    expect(workspace.labels.map((label) => label.name)).toEqual(["ORG", "PER"]);
    expect(workspace.annotation).toEqual({ status: "not_started", version: 0, spans: [] });
  });

  it("returns only the caller's own spans", async () => {
    const documentId = newDocument("strict", "Ana met Bob");
    const { PER, ORG } = projects.strict.labels;
    await as("annotator").annotation.addSpan({ documentId, start: 0, end: 3, labelId: PER });
    await as("owner").annotation.addSpan({ documentId, start: 8, end: 11, labelId: ORG });
    await as("owner").annotation.addSpan({ documentId, start: 0, end: 3, labelId: ORG });

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

describe("annotation.addSpan", () => {
  it("adds a span to the caller's annotation", async () => {
    const text = "👍🏽 Ana";
    const documentId = newDocument("strict", text);
    const labelId = projects.strict.labels.PER;
    const start = text.indexOf("Ana");
    const result = await as("annotator").annotation.addSpan({
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
    const documentId = newDocument("strict", "Ana");
    const result = await as("owner").annotation.addSpan({
      documentId,
      start: 0,
      end: 3,
      labelId: projects.strict.labels.PER,
    });
    expect(result.span).toMatchObject({ start: 0, end: 3 });
  });

  it("gives a reviewer FORBIDDEN", async () => {
    const documentId = newDocument("strict", "Ana met Bob");
    await expectTrpcError(
      as("reviewer").annotation.addSpan({
        documentId,
        start: 0,
        end: 3,
        labelId: projects.strict.labels.PER,
      }),
      "FORBIDDEN",
      /reviewer cannot annotate/,
    );
    const workspace = await as("reviewer").document.workspace({ documentId });
    expect(workspace.annotation).toEqual({ status: "not_started", version: 0, spans: [] });
  });

  it("gives a non-member NOT_FOUND", async () => {
    const documentId = newDocument("strict", "Ana met Bob");
    await expectTrpcError(
      as("outsider").annotation.addSpan({
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
    const documentId = newDocument("strict", "Ana met 😀!");
    await expectTrpcError(
      as("annotator").annotation.addSpan({
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
    const documentId = newDocument("strict", "Ana");
    await expectTrpcError(
      as("annotator").annotation.addSpan({
        documentId,
        start: -1,
        end: 2,
        labelId: projects.strict.labels.PER,
      }),
      "BAD_REQUEST",
    );
  });

  it("refuses another project's label with BAD_REQUEST", async () => {
    const documentId = newDocument("strict", "Ana met Bob");
    const foreign = projects.other.labels.PER;
    await expectTrpcError(
      as("annotator").annotation.addSpan({ documentId, start: 0, end: 3, labelId: foreign }),
      "BAD_REQUEST",
      new RegExp(`label ${foreign} does not belong to this project`),
    );
    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual([]);
  });

  it("refuses an overlapping span in a project without allowOverlap, but accepts a touching one", async () => {
    const documentId = newDocument("strict", "New York City Hall");
    const { PER, ORG } = projects.strict.labels;
    await as("annotator").annotation.addSpan({ documentId, start: 0, end: 13, labelId: PER });
    await expectTrpcError(
      as("annotator").annotation.addSpan({ documentId, start: 9, end: 18, labelId: ORG }),
      "BAD_REQUEST",
      /span 9-18 overlaps span 0-13/,
    );
    await expectTrpcError(
      as("annotator").annotation.addSpan({ documentId, start: 0, end: 13, labelId: ORG }),
      "BAD_REQUEST",
      /overlaps/,
    );
    await as("annotator").annotation.addSpan({ documentId, start: 14, end: 18, labelId: ORG });
    await as("annotator").annotation.addSpan({ documentId, start: 13, end: 14, labelId: ORG });

    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans.map((span) => [span.start, span.end])).toEqual([
      [0, 13],
      [13, 14],
      [14, 18],
    ]);
  });

  it("does not count another user's spans as overlapping", async () => {
    const documentId = newDocument("strict", "New York City Hall");
    await as("owner").annotation.addSpan({
      documentId,
      start: 0,
      end: 13,
      labelId: projects.strict.labels.ORG,
    });
    const result = await as("annotator").annotation.addSpan({
      documentId,
      start: 9,
      end: 18,
      labelId: projects.strict.labels.ORG,
    });
    expect(result.span).toMatchObject({ start: 9, end: 18 });
  });

  it("accepts overlapping and nested spans in a project with allowOverlap", async () => {
    const documentId = newDocument("loose", "New York City Hall");
    const { ORG, PER } = projects.loose.labels;
    await as("annotator").annotation.addSpan({ documentId, start: 0, end: 13, labelId: ORG });
    await as("annotator").annotation.addSpan({ documentId, start: 9, end: 18, labelId: ORG });
    await as("annotator").annotation.addSpan({ documentId, start: 4, end: 8, labelId: PER });
    await as("annotator").annotation.addSpan({ documentId, start: 0, end: 13, labelId: PER });

    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.project.allowOverlap).toBe(true);
    const key = (start: number, end: number, labelId: number) => `${start}-${end}:${labelId}`;
    expect(
      workspace.annotation.spans.map((span) => key(span.start, span.end, span.labelId)).sort(),
    ).toEqual([key(0, 13, ORG), key(0, 13, PER), key(4, 8, PER), key(9, 18, ORG)].sort());
  });

  it("keeps an identical span once", async () => {
    const documentId = newDocument("loose", "Ana met Bob");
    const labelId = projects.loose.labels.PER;
    const first = await as("annotator").annotation.addSpan({
      documentId,
      start: 0,
      end: 3,
      labelId,
    });
    const second = await as("annotator").annotation.addSpan({
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

describe("annotation.relabelSpan and deleteSpan", () => {
  it("relabels and deletes the caller's own span", async () => {
    const documentId = newDocument("strict", "Ana met Bob");
    const { ORG, PER } = projects.strict.labels;
    const added = await as("annotator").annotation.addSpan({
      documentId,
      start: 0,
      end: 3,
      labelId: PER,
    });

    const relabelled = await as("annotator").annotation.relabelSpan({
      spanId: added.span.id,
      labelId: ORG,
    });
    expect(relabelled.span).toEqual({ id: added.span.id, start: 0, end: 3, labelId: ORG });
    let workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual([relabelled.span]);

    await as("annotator").annotation.deleteSpan({ spanId: added.span.id });
    workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual([]);
  });

  it("merges a span relabelled onto an identical one", async () => {
    const documentId = newDocument("loose", "Ana met Bob");
    const { ORG, PER } = projects.loose.labels;
    const asOrg = await as("annotator").annotation.addSpan({
      documentId,
      start: 0,
      end: 3,
      labelId: ORG,
    });
    const asPer = await as("annotator").annotation.addSpan({
      documentId,
      start: 0,
      end: 3,
      labelId: PER,
    });
    const result = await as("annotator").annotation.relabelSpan({
      spanId: asPer.span.id,
      labelId: ORG,
    });
    expect(result.span.id).toBe(asOrg.span.id);
    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.spans).toEqual([asOrg.span]);
  });

  it("refuses relabelling to another project's label with BAD_REQUEST", async () => {
    const documentId = newDocument("strict", "Ana");
    const added = await as("annotator").annotation.addSpan({
      documentId,
      start: 0,
      end: 3,
      labelId: projects.strict.labels.PER,
    });
    await expectTrpcError(
      as("annotator").annotation.relabelSpan({
        spanId: added.span.id,
        labelId: projects.other.labels.ORG,
      }),
      "BAD_REQUEST",
      /does not belong to this project/,
    );
  });

  it.each(["owner", "reviewer", "outsider"] as const)(
    "gives NOT_FOUND to the %s touching the annotator's span, and leaves it alone",
    async (who) => {
      const documentId = newDocument("strict", "Ana met Bob");
      const { ORG, PER } = projects.strict.labels;
      const added = await as("annotator").annotation.addSpan({
        documentId,
        start: 0,
        end: 3,
        labelId: PER,
      });

      await expectTrpcError(
        as(who).annotation.relabelSpan({ spanId: added.span.id, labelId: ORG }),
        "NOT_FOUND",
        new RegExp(`no span ${added.span.id}`),
      );
      await expectTrpcError(as(who).annotation.deleteSpan({ spanId: added.span.id }), "NOT_FOUND");

      const workspace = await as("annotator").document.workspace({ documentId });
      expect(workspace.annotation.spans).toEqual([added.span]);
      expect(workspace.annotation.version).toBe(added.version);
    },
  );

  it("gives NOT_FOUND for a span that does not exist", async () => {
    await expectTrpcError(as("annotator").annotation.deleteSpan({ spanId: 999_999 }), "NOT_FOUND");
  });
});

describe("annotation.submit and versions", () => {
  it("sets the status to submitted, visible in the workspace and the document list", async () => {
    const documentId = newDocument("other", "Ana met Bob");
    const result = await as("annotator").annotation.submit({ documentId });
    expect(result.status).toBe("submitted");

    const workspace = await as("annotator").document.workspace({ documentId });
    expect(workspace.annotation.status).toBe("submitted");
    const project = await as("annotator").project.bySlug({ projectSlug: "other" });
    expect(project.documents.find((document) => document.id === documentId)?.status).toBe(
      "submitted",
    );
    // Someone else's progress is their own.
    const owner = await as("owner").project.bySlug({ projectSlug: "other" });
    expect(owner.documents.find((document) => document.id === documentId)?.status).toBe(
      "not_started",
    );
  });

  it("gives a reviewer FORBIDDEN and a non-member NOT_FOUND", async () => {
    const documentId = newDocument("other", "Ana");
    await expectTrpcError(as("reviewer").annotation.submit({ documentId }), "FORBIDDEN");
    await expectTrpcError(as("outsider").annotation.submit({ documentId }), "NOT_FOUND");
  });

  it("raises the version by one on every change", async () => {
    const documentId = newDocument("strict", "Ana met Bob");
    const { ORG, PER } = projects.strict.labels;
    const caller = as("annotator");
    expect((await caller.document.workspace({ documentId })).annotation.version).toBe(0);

    const added = await caller.annotation.addSpan({ documentId, start: 0, end: 3, labelId: PER });
    const second = await caller.annotation.addSpan({
      documentId,
      start: 8,
      end: 11,
      labelId: PER,
    });
    const relabelled = await caller.annotation.relabelSpan({
      spanId: added.span.id,
      labelId: ORG,
    });
    const deleted = await caller.annotation.deleteSpan({ spanId: second.span.id });
    const submitted = await caller.annotation.submit({ documentId });

    const versions = [added, second, relabelled, deleted, submitted].map((step) => step.version);
    expect(versions[0]).toBeGreaterThan(0);
    versions.slice(1).forEach((version, i) => expect(version).toBe(nth(versions, i) + 1));
    expect((await caller.document.workspace({ documentId })).annotation.version).toBe(
      submitted.version,
    );
  });

  it("does not raise the version on a refused change", async () => {
    const documentId = newDocument("strict", "Ana met Bob");
    const caller = as("annotator");
    const added = await caller.annotation.addSpan({
      documentId,
      start: 0,
      end: 3,
      labelId: projects.strict.labels.PER,
    });
    await expectTrpcError(
      caller.annotation.addSpan({
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
