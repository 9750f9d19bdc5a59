import { readdirSync } from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { beforeAll, describe, expect, it } from "vitest";
import { tablesOf, type Db } from "@/db/open-database";
import { emptyDatabase } from "@/db/test-support/database-state";
import { openTestDatabase } from "@/db/test-support/test-database";
import { respondToExport } from "../http/dataset-export";
import { respondToUpload } from "../http/dataset-upload";
import { appRouter, createCaller } from "../root";
import { rebalanceAssignments } from "../services/assignments";
import { editGoldSpans } from "../services/review/gold";
import { importJsonl } from "../services/datasets/import-jsonl";
import { inviteByEmail } from "../services/invitations";
import { receiveUpload } from "../services/datasets/uploads";
import { createProject, listLabels, setMembership } from "../services/projects";
import { createRelationType } from "../services/scheme-edits";
import { createAttribute } from "../services/scheme-edits-attributes";
import { createDocumentLabelSet } from "../services/scheme-edits-document-labels";
import { sessionFor } from "../test-support/callers";
import { layerVersion } from "../test-support/layers";

/**
 * Every procedure and every HTTP route, called by every kind of caller, with the outcome each must
 * get. A procedure or route added without a row here fails the first tests: access control is
 * never left to chance. "deactivated" is an owner of the project whose account was deactivated
 * after signing in: their session still exists, and nothing may accept it.
 */
const callers = [
  "signedOut",
  "outsider",
  "annotator",
  "reviewer",
  "owner",
  "admin",
  "deactivated",
] as const;
type Who = (typeof callers)[number];
type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";

const row = (...outcomes: Outcome[]) =>
  Object.fromEntries(callers.map((who, i) => [who, outcomes[i] ?? "UNAUTHORIZED"])) as Record<
    Who,
    Outcome
  >;

const anyone = row("UNAUTHORIZED", "ok", "ok", "ok", "ok", "ok");
const members = row("UNAUTHORIZED", "NOT_FOUND", "ok", "ok", "ok", "NOT_FOUND");
const annotators = row("UNAUTHORIZED", "NOT_FOUND", "ok", "FORBIDDEN", "ok", "NOT_FOUND");
const reviewers = row("UNAUTHORIZED", "NOT_FOUND", "FORBIDDEN", "ok", "ok", "NOT_FOUND");
const owners = row("UNAUTHORIZED", "NOT_FOUND", "FORBIDDEN", "FORBIDDEN", "ok", "NOT_FOUND");
const admins = row("UNAUTHORIZED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "ok");

type Fixture = {
  documentId: number;
  labelId: number;
  /** The versions of the caller's own layer and of the gold layer: every layer write names one. */
  annotationVersion: number;
  goldVersion: number;
  annotatorId: number;
  ownerId: number;
  invitationId: number;
  /** One of each part of the project's scheme. */
  scheme: { typeId: number; attributeId: number; setId: number; optionId: number };
};
type Call = (caller: ReturnType<typeof createCaller>, f: Fixture) => Promise<unknown>;
const p = { projectSlug: "p" };

/** A file the owner uploaded for an import, as the upload route receives it. */
async function ownersUpload(f: Fixture) {
  const form = new FormData();
  form.append("files", new Blob(['{"text": "x"}\n']), "a.jsonl");
  const request = new Request("http://localhost/", { method: "POST", body: form });
  const upload = await receiveUpload({
    projectId: 1,
    userId: f.ownerId,
    contentType: request.headers.get("content-type") ?? "",
    body: request.body as NonNullable<Parameters<typeof receiveUpload>[0]["body"]>,
  });
  return { ...p, uploadId: upload.id, format: "jsonl" as const, options: {} };
}

const matrix: Record<string, [Record<Who, Outcome>, Call]> = {
  "project.list": [anyone, (c) => c.project.list()],
  "project.create": [anyone, (c) => c.project.create({ slug: "new", name: "New", labels: [] })],
  "project.bySlug": [members, (c) => c.project.bySlug(p)],
  "project.settings": [members, (c) => c.project.settings(p)],
  "project.update": [owners, (c) => c.project.update({ ...p, settings: { name: "Renamed" } })],
  // Blind annotation is on by default: annotators may not see the others' progress.
  "project.progress": [reviewers, (c) => c.project.progress(p)],
  "document.workspace": [members, (c, f) => c.document.workspace({ documentId: f.documentId })],
  "document.list": [members, (c) => c.document.list(p)],
  "annotation.edit": [
    annotators,
    (c, f) =>
      c.annotation.edit({
        documentId: f.documentId,
        baseVersion: f.annotationVersion,
        edits: [{ kind: "add", spans: [{ start: 4, end: 7, labelId: f.labelId }] }],
      }),
  ],
  "annotation.submit": [
    annotators,
    (c, f) => c.annotation.submit({ documentId: f.documentId, baseVersion: f.annotationVersion }),
  ],
  "review.agreement": [reviewers, (c) => c.review.agreement(p)],
  "review.documents": [reviewers, (c) => c.review.documents(p)],
  "review.document": [reviewers, (c, f) => c.review.document({ documentId: f.documentId })],
  "review.acceptAgreed": [
    reviewers,
    (c, f) => c.review.acceptAgreed({ documentId: f.documentId, baseVersion: f.goldVersion }),
  ],
  "review.acceptVariant": [
    reviewers,
    (c, f) =>
      c.review.acceptVariant({
        documentId: f.documentId,
        baseVersion: f.goldVersion,
        start: 0,
        end: 3,
        labelId: f.labelId,
      }),
  ],
  "review.rejectRegion": [
    reviewers,
    (c, f) =>
      c.review.rejectRegion({
        documentId: f.documentId,
        baseVersion: f.goldVersion,
        start: 0,
        end: 3,
      }),
  ],
  "review.editGold": [
    reviewers,
    (c, f) =>
      c.review.editGold({
        documentId: f.documentId,
        baseVersion: f.goldVersion,
        edits: [{ kind: "delete", spans: [{ start: 0, end: 3, labelId: f.labelId }] }],
      }),
  ],
  "review.settleRelations": [
    reviewers,
    (c, f) => {
      const span = { start: 0, end: 3, labelId: f.labelId };
      const gold = { documentId: f.documentId, baseVersion: f.goldVersion };
      return c.review.settleRelations({ ...gold, ends: [span, span], relation: null });
    },
  ],
  "review.setGoldStatus": [
    reviewers,
    (c, f) =>
      c.review.setGoldStatus({
        documentId: f.documentId,
        baseVersion: f.goldVersion,
        status: "curated",
      }),
  ],
  "member.list": [owners, (c) => c.member.list(p)],
  "member.add": [
    owners,
    (c) => c.member.add({ ...p, email: "outsider@example.com", role: "annotator" }),
  ],
  "member.invitations": [owners, (c) => c.member.invitations(p)],
  "member.revokeInvitation": [
    owners,
    (c, f) => c.member.revokeInvitation({ ...p, invitationId: f.invitationId }),
  ],
  "member.setRole": [
    owners,
    (c, f) => c.member.setRole({ ...p, userId: f.annotatorId, role: "reviewer" }),
  ],
  "member.remove": [owners, (c, f) => c.member.remove({ ...p, userId: f.annotatorId })],
  "label.list": [members, (c) => c.label.list(p)],
  "label.create": [owners, (c) => c.label.create({ ...p, label: { name: "NEW" } })],
  "label.update": [
    owners,
    (c, f) => c.label.update({ ...p, labelId: f.labelId, label: { name: "RENAMED" } }),
  ],
  "label.move": [owners, (c, f) => c.label.move({ ...p, labelId: f.labelId, direction: "down" })],
  "label.usage": [owners, (c, f) => c.label.usage({ ...p, labelId: f.labelId })],
  "label.delete": [
    owners,
    (c, f) => c.label.delete({ ...p, labelId: f.labelId, confirmedSpanCount: 2 }),
  ],
  "scheme.list": [members, (c) => c.scheme.list(p)],
  "scheme.relationType.create": [
    owners,
    (c) => c.scheme.relationType.create({ ...p, type: { name: "new" } }),
  ],
  "scheme.relationType.update": [
    owners,
    (c, f) => c.scheme.relationType.update({ ...p, typeId: f.scheme.typeId, type: { name: "x" } }),
  ],
  "scheme.relationType.move": [
    owners,
    (c, f) => c.scheme.relationType.move({ ...p, typeId: f.scheme.typeId, direction: "up" }),
  ],
  "scheme.relationType.usage": [
    owners,
    (c, f) => c.scheme.relationType.usage({ ...p, typeId: f.scheme.typeId }),
  ],
  "scheme.relationType.delete": [
    owners,
    (c, f) =>
      c.scheme.relationType.delete({ ...p, typeId: f.scheme.typeId, confirmedRelationCount: 0 }),
  ],
  "scheme.attribute.create": [
    owners,
    (c, f) => c.scheme.attribute.create({ ...p, labelId: f.labelId, attribute: { name: "new" } }),
  ],
  "scheme.attribute.update": [
    owners,
    (c, f) =>
      c.scheme.attribute.update({
        ...p,
        attributeId: f.scheme.attributeId,
        attribute: { name: "x" },
      }),
  ],
  "scheme.attribute.move": [
    owners,
    (c, f) => c.scheme.attribute.move({ ...p, attributeId: f.scheme.attributeId, direction: "up" }),
  ],
  "scheme.attribute.usage": [
    owners,
    (c, f) => c.scheme.attribute.usage({ ...p, attributeId: f.scheme.attributeId }),
  ],
  "scheme.attribute.delete": [
    owners,
    (c, f) =>
      c.scheme.attribute.delete({ ...p, attributeId: f.scheme.attributeId, confirmedSpanCount: 0 }),
  ],
  "scheme.documentLabel.createSet": [
    owners,
    (c) => c.scheme.documentLabel.createSet({ ...p, set: { name: "new" } }),
  ],
  "scheme.documentLabel.updateSet": [
    owners,
    (c, f) => c.scheme.documentLabel.updateSet({ ...p, setId: f.scheme.setId, set: { name: "x" } }),
  ],
  "scheme.documentLabel.moveSet": [
    owners,
    (c, f) => c.scheme.documentLabel.moveSet({ ...p, setId: f.scheme.setId, direction: "up" }),
  ],
  "scheme.documentLabel.setUsage": [
    owners,
    (c, f) => c.scheme.documentLabel.setUsage({ ...p, setId: f.scheme.setId }),
  ],
  "scheme.documentLabel.deleteSet": [
    owners,
    (c, f) =>
      c.scheme.documentLabel.deleteSet({ ...p, setId: f.scheme.setId, confirmedChoiceCount: 0 }),
  ],
  "scheme.documentLabel.createOption": [
    owners,
    (c, f) =>
      c.scheme.documentLabel.createOption({ ...p, setId: f.scheme.setId, option: { name: "new" } }),
  ],
  "scheme.documentLabel.updateOption": [
    owners,
    (c, f) =>
      c.scheme.documentLabel.updateOption({
        ...p,
        optionId: f.scheme.optionId,
        option: { name: "x" },
      }),
  ],
  "scheme.documentLabel.moveOption": [
    owners,
    (c, f) =>
      c.scheme.documentLabel.moveOption({ ...p, optionId: f.scheme.optionId, direction: "up" }),
  ],
  "scheme.documentLabel.optionUsage": [
    owners,
    (c, f) => c.scheme.documentLabel.optionUsage({ ...p, optionId: f.scheme.optionId }),
  ],
  "scheme.documentLabel.deleteOption": [
    owners,
    (c, f) =>
      c.scheme.documentLabel.deleteOption({
        ...p,
        optionId: f.scheme.optionId,
        confirmedChoiceCount: 0,
      }),
  ],
  "assignment.list": [owners, (c) => c.assignment.list(p)],
  "assignment.rebalance": [
    owners,
    (c) => c.assignment.rebalance({ ...p, annotatorsPerDocument: 1 }),
  ],
  "assignment.assign": [
    owners,
    (c, f) => c.assignment.assign({ ...p, documentId: f.documentId, userId: f.annotatorId }),
  ],
  "assignment.unassign": [
    owners,
    (c, f) => c.assignment.unassign({ ...p, documentId: f.documentId, userId: f.annotatorId }),
  ],
  "dataset.preview": [owners, async (c, f) => c.dataset.preview(await ownersUpload(f))],
  "dataset.import": [owners, async (c, f) => c.dataset.import(await ownersUpload(f))],
  "dataset.progress": [
    owners,
    (c) => c.dataset.progress({ ...p, uploadId: "00000000-0000-4000-8000-000000000000" }),
  ],
  "dataset.annotators": [members, (c) => c.dataset.annotators(p)],
  // An annotator may export their own layer; see dataset.test.ts for others' layers.
  "dataset.exportSummary": [
    members,
    (c) => c.dataset.exportSummary({ ...p, format: "jsonl", source: "annotator:annotator" }),
  ],
  "admin.users": [admins, (c) => c.admin.users()],
  "admin.createUser": [
    admins,
    (c) =>
      c.admin.createUser({
        email: "new@example.com",
        name: "new",
        password: "long enough",
        isAdmin: false,
      }),
  ],
  "admin.resetPassword": [
    admins,
    (c, f) => c.admin.resetPassword({ userId: f.annotatorId, password: "another long one" }),
  ],
  "admin.setDeactivated": [
    admins,
    (c, f) => c.admin.setDeactivated({ userId: f.annotatorId, deactivated: true }),
  ],
};

/** Each route handler under app/api hands its session and request to one of these. */
type Route = {
  file: string;
  outcomes: Record<Who, Outcome>;
  call: (db: Db, session: Session | null) => Response | Promise<Response>;
};
const exportOf = (source: string) => (db: Db, session: Session | null) =>
  respondToExport(
    db,
    session,
    "p",
    new Request(`http://localhost/api/projects/p/datasets/export?format=jsonl&source=${source}`),
  );

const routes: Record<string, Route> = {
  "upload files for an import": {
    file: "dataset-uploads/[slug]",
    outcomes: owners,
    call: (db, session) => {
      const form = new FormData();
      form.append("files", new Blob(['{"text": "x"}\n']), "a.jsonl");
      const request = new Request("http://localhost/", { method: "POST", body: form });
      return respondToUpload(db, session, "p", request);
    },
  },
  "export one's own layer": {
    file: "projects/[slug]/datasets/export",
    outcomes: members,
    call: exportOf("annotator:annotator"),
  },
  "export every layer": {
    file: "projects/[slug]/datasets/export",
    outcomes: reviewers,
    call: exportOf("all"),
  },
};

/** Routes that need no row: Auth.js's own sign-in, the health check, and tRPC (the matrix above). */
const routesWithoutRow = ["auth/[...nextauth]", "health", "trpc/[trpc]"];

// A row seeds its database once per kind of caller; on PostgreSQL that is a second or more.
const rowTimeout = 30_000;

let db: Db;
beforeAll(async () => {
  db = await openTestDatabase();
});

/** The database emptied and seeded anew per cell: no call's effect can decide another's outcome. */
async function setUp() {
  await emptyDatabase(db);
  const ids = await insertAccounts(db);
  const project = await createProject(db, { slug: "p", name: "P", labels: ["A", "B"] });
  const other = await createProject(db, { slug: "q", name: "Q", labels: ["A"] });
  await setMembership(db, project.id, ids.owner, "owner");
  await setMembership(db, project.id, ids.reviewer, "reviewer");
  await setMembership(db, project.id, ids.deactivated, "owner");
  await setMembership(db, other.id, ids.outsider, "annotator");
  const line = {
    id: "d",
    text: "Ann met Bob",
    annotations: [{ annotator: "annotator", spans: [{ start: 0, end: 3, label: "A" }] }],
  };
  await importJsonl(db, "p", JSON.stringify(line));
  await rebalanceAssignments(db, project.id, 1);
  const labelId = (await listLabels(db, project.id)).find((label) => label.name === "A")?.id ?? 0;
  const invitation = await inviteByEmail(db, {
    projectId: project.id,
    email: "invited@example.com",
    role: "annotator",
    invitedBy: ids.owner,
  });
  const scheme = await seedScheme(db, project.id, labelId);
  await editGoldSpans(db, {
    documentId: 1,
    userId: ids.owner,
    baseVersion: 0,
    edits: [{ kind: "add", spans: [{ start: 0, end: 3, labelId }] }],
  });
  return {
    db,
    ids,
    fixture: {
      documentId: 1,
      labelId,
      annotationVersion: 0,
      goldVersion: await layerVersion(db, 1, null),
      annotatorId: ids.annotator,
      ownerId: ids.owner,
      invitationId: invitation.id,
      scheme,
    },
  };
}

async function seedScheme(db: Db, projectId: number, labelId: number) {
  const type = await createRelationType(db, projectId, { name: "rel" });
  const attribute = await createAttribute(db, projectId, labelId, { name: "negated" });
  const set = await createDocumentLabelSet(db, projectId, {
    name: "topic",
    options: [{ name: "military" }],
  });
  const [option] = await db.select().from(tablesOf(db).documentLabelOptions);
  return { typeId: type.id, attributeId: attribute.id, setId: set.id, optionId: option?.id ?? 0 };
}

/** One account of each kind but "signedOut", inserted in order so that their ids are the same. */
async function insertAccounts(db: Db): Promise<Record<Exclude<Who, "signedOut">, number>> {
  const { users } = tablesOf(db);
  const ids: Partial<Record<Exclude<Who, "signedOut">, number>> = {};
  for (const who of callers) {
    if (who === "signedOut") continue;
    const [user] = await db
      .insert(users)
      .values({
        name: who,
        email: `${who}@example.com`,
        passwordHash: "x",
        isAdmin: who === "admin",
        deactivated: who === "deactivated",
      })
      .returning({ id: users.id });
    ids[who] = user?.id;
  }
  return ids as Record<Exclude<Who, "signedOut">, number>;
}

function sessionOf(who: Who, ids: Record<Exclude<Who, "signedOut">, number>): Session | null {
  return who === "signedOut" ? null : sessionFor({ id: ids[who] });
}

const statusOutcomes: Record<number, Outcome> = {
  200: "ok",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
};

async function routeOutcomeOf(response: Response): Promise<Outcome | string> {
  // Reading the body runs a streamed export to its end, so a failure half-way shows too.
  const body = await response.text();
  return statusOutcomes[response.status] ?? `${response.status}: ${body}`;
}

async function outcomeOf(promise: Promise<unknown>): Promise<Outcome | string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

describe("authorization matrix", () => {
  it("has a row for every procedure", () => {
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  for (const [path, [expected, call]] of Object.entries(matrix)) {
    it(
      `${path}: ${callers.map((who) => `${who} ${expected[who]}`).join(", ")}`,
      async () => {
        const outcomes: Record<string, string> = {};
        for (const who of callers) {
          const { db, ids, fixture } = await setUp();
          const session = sessionOf(who, ids);
          const own =
            who === "signedOut" ? 0 : await layerVersion(db, fixture.documentId, ids[who]);
          const caller = createCaller({ session, db });
          outcomes[who] = await outcomeOf(call(caller, { ...fixture, annotationVersion: own }));
        }
        expect(outcomes).toEqual(expected);
      },
      rowTimeout,
    );
  }
});

describe("authorization matrix of the HTTP routes", () => {
  it("has a row for every route handler under app/api", () => {
    const api = path.join(import.meta.dirname, "../../app/api");
    const files = readdirSync(api, { recursive: true, encoding: "utf8" })
      .filter((file) => path.basename(file) === "route.ts")
      .map((file) => path.dirname(file).split(path.sep).join("/"));
    const covered = [...new Set(Object.values(routes).map((route) => route.file))];
    expect(files.sort()).toEqual([...covered, ...routesWithoutRow].sort());
  });

  for (const [name, { outcomes: expected, call }] of Object.entries(routes)) {
    it(
      `${name}: ${callers.map((who) => `${who} ${expected[who]}`).join(", ")}`,
      async () => {
        const outcomes: Record<string, string> = {};
        for (const who of callers) {
          const { db, ids } = await setUp();
          outcomes[who] = await routeOutcomeOf(await call(db, sessionOf(who, ids)));
        }
        expect(outcomes).toEqual(expected);
      },
      rowTimeout,
    );
  }
});
