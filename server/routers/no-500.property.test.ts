// Property: no input to any procedure, well-formed or not, ends in an internal error, and a refused
// call leaves the database exactly as it was. Inputs come from each procedure's own zod schemas
// (see zod-arbitrary.ts), called as the project's owner, who is also a site administrator.
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { closeDatabase, type Db } from "@/db/open-database";
import { fingerprintDatabase as fingerprint } from "@/db/test-support/database-state";
import { openTestDatabase } from "@/db/test-support/test-database";
import { respondToTrpc } from "../http/trpc-handler";
import { appRouter } from "../root";
import { importJsonl } from "../services/datasets/import-jsonl";
import { addMember, createProject } from "../services/projects";
import { createUser } from "../services/users";
import { callerAs, sessionFor, type Caller } from "../test-support/callers";
import { addDocumentLabelSet, addLabelAttribute, addRelationType } from "../test-support/scheme";
import { procedureInput, type KnownValues } from "../test-support/zod-arbitrary";

// About 50 procedures, on a 2-core machine: ~20 s for the file on SQLite, ~50 s on PostgreSQL.
const runsPerProcedure = 150;
const httpRuns = 300;

const known: KnownValues = {
  ids: [1, 2, 3],
  strings: [
    ...["p", "PER", "ORG", "LOC", "all", "gold", "annotator:ann", "#1", "Ann", "jsonl"],
    "negated",
  ],
};
const text = "Ann 👍🏽 met Bob in Paris.";
const layers = [
  { annotator: "ann", status: "submitted", spans: [{ start: 0, end: 3, label: "PER" }] },
  { annotator: "bob", status: "submitted", spans: [{ start: 0, end: 3, label: "ORG" }] },
];

/**
 * A database of its own for each property, seeded anew: a copy of one seeded database would be
 * quicker, but SQLite and PostgreSQL copy a database in ways that have nothing in common.
 */
async function seededDb(): Promise<{ db: Db; ownerId: number }> {
  const db = await openTestDatabase();
  const owner = await createUser(db, {
    email: "owner@example.com",
    name: "Owner",
    password: "long enough",
    isAdmin: true,
  });
  const ownerId = owner.id;
  await createProject(db, { slug: "p", name: "P", labels: ["PER", "ORG", "LOC"], ownerId });
  const documents = ["d1", "d2"].map((id) => JSON.stringify({ id, text, annotations: layers }));
  await importJsonl(db, "p", documents.join("\n"));
  // Scheme rows with ids the arbitrary names, so relations, attributes and choices get judged.
  await addRelationType(db, 1, { name: "knows", sourceLabelIds: [1] });
  await addLabelAttribute(db, 1, { name: "negated", kind: "boolean" });
  await addDocumentLabelSet(db, 1, { name: "topic", options: ["war", "trade"] });
  await addMember(db, { projectSlug: "p", email: "owner@example.com", role: "owner" });
  await callerAs(db, owner).review.editGold({
    documentId: 1,
    baseVersion: 0,
    edits: [{ kind: "add", spans: [{ start: 0, end: 3, labelId: 1 }] }],
  });
  return { db, ownerId };
}

type AnyProcedure = {
  _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] };
};
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, AnyProcedure>,
);

function procedureAt(caller: Caller, at: string) {
  return at
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
}

/** Refused with a code that is not a 500, and nothing stored. */
async function expectCleanRefusal(error: unknown, before: string, db: Db, what: string) {
  expect(error, what).toBeInstanceOf(TRPCError);
  const { code, message } = error as TRPCError;
  expect(`${code}: ${message}`, what).not.toMatch(/^INTERNAL_SERVER_ERROR/);
  const after = await fingerprint(db);
  expect(after, `${what} was refused (${code}) but changed the database`).toBe(before);
}

describe("every procedure, any input", () => {
  it("walks every procedure of the router", () => {
    expect(procedures.length).toBeGreaterThan(40);
  });

  for (const [at, procedure] of procedures) {
    it(`${at}: no internal error, no change when refused`, async () => {
      const { db, ownerId } = await seededDb();
      const call = procedureAt(callerAs(db, { id: ownerId }), at);
      // Only a call that went through may change the database: the fingerprint follows it.
      let before = await fingerprint(db);
      await fc.assert(
        fc.asyncProperty(procedureInput(procedure._def.inputs, known), async (input) => {
          const refusal = await call(input).then(
            () => null,
            (error: unknown) => ({ error }),
          );
          if (refusal)
            await expectCleanRefusal(refusal.error, before, db, `${at}(${JSON.stringify(input)})`);
          else before = await fingerprint(db);
        }),
        { numRuns: runsPerProcedure },
      );
      await closeDatabase(db);
    });
  }
});

const bodies = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify({ json: value })),
  fc.jsonValue().map((value) => JSON.stringify({ json: { projectSlug: "p" }, meta: value })),
  fc
    .jsonValue()
    .map((value) => JSON.stringify({ 0: { json: value } }))
    .map((json) => json.slice(0, Math.max(1, json.length - 3))),
  fc.constantFrom("", "{", '{"json":', "[", "null", '{"json":{"projectSlug":"p"}}', "\u0000"),
);

describe("the tRPC route handler, any body", () => {
  it("answers malformed bodies with a 4xx in tRPC's shape, and stores nothing", async () => {
    const { db, ownerId } = await seededDb();
    const paths = [...procedures.map(([at]) => at), "nope", "project.update,project.create"];
    let before = await fingerprint(db);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.boolean(),
        fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded"),
        bodies,
        async (at, batch, contentType, body) => {
          const request = new Request(`http://localhost/api/trpc/${at}${batch ? "?batch=1" : ""}`, {
            method: "POST",
            headers: { "content-type": contentType },
            body,
          });
          const session = sessionFor({ id: ownerId });
          const response = await respondToTrpc(request, async () => ({ session, db }));
          const answer = await response.text();
          const what = `POST ${at} ${contentType} ${JSON.stringify(body)}: ${answer}`;
          expect(response.status, what).toBeLessThan(500);
          expect(() => JSON.parse(answer), what).not.toThrow();
          const after = await fingerprint(db);
          if (response.status >= 400) expect(after, what).toBe(before);
          before = after;
        },
      ),
      { numRuns: httpRuns },
    );
    await closeDatabase(db);
    // 300 requests, each followed by a read of every table: a property, not one request, and
    // on PostgreSQL beside two other test workers on two cores it outgrows the 5 s default.
  }, 30_000);
});
