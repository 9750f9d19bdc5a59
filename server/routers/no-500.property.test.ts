// Property: no input to any procedure, well-formed or not, ends in an internal error, and a refused
// call leaves the database exactly as it was. Inputs come from each procedure's own zod schemas
// (see zod-arbitrary.ts), called as the project's owner, who is also a site administrator.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { openDatabase, type Db } from "@/db/open-database";
import { respondToTrpc } from "../http/trpc-handler";
import { appRouter } from "../root";
import { importJsonl } from "../services/datasets/import-jsonl";
import { addMember, createProject } from "../services/projects";
import { createUser } from "../services/users";
import { callerAs, sessionFor, type Caller } from "../test-support/callers";
import { procedureInput, type KnownValues } from "../test-support/zod-arbitrary";

// About 50 procedures: ~40 s for the whole file on a 2-core machine.
const runsPerProcedure = 150;
const httpRuns = 300;

const known: KnownValues = {
  ids: [1, 2, 3],
  strings: ["p", "PER", "ORG", "LOC", "all", "gold", "annotator:ann", "#1", "Ann", "jsonl"],
};
const text = "Ann 👍🏽 met Bob in Paris.";
const layers = [
  { annotator: "ann", status: "submitted", spans: [{ start: 0, end: 3, label: "PER" }] },
  { annotator: "bob", status: "submitted", spans: [{ start: 0, end: 3, label: "ORG" }] },
];

let folder: string;
let template: string;
let ownerId: number;
let run = 0;

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "concord-no-500-"));
  const db = openDatabase(":memory:");
  const owner = await createUser(db, {
    email: "owner@example.com",
    name: "Owner",
    password: "long enough",
    isAdmin: true,
  });
  ownerId = owner.id;
  createProject(db, { slug: "p", name: "P", labels: ["PER", "ORG", "LOC"], ownerId });
  const documents = ["d1", "d2"].map((id) => JSON.stringify({ id, text, annotations: layers }));
  importJsonl(db, "p", documents.join("\n"));
  addMember(db, { projectSlug: "p", email: "owner@example.com", role: "owner" });
  await callerAs(db, owner).review.editGold({
    documentId: 1,
    baseVersion: 0,
    edits: [{ kind: "add", spans: [{ start: 0, end: 3, labelId: 1 }] }],
  });
  template = path.join(folder, "template.db");
  writeFileSync(template, db.$client.serialize());
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A database of its own for each procedure, copied from the seeded one. */
function seededDb(): Db {
  const file = path.join(folder, `run-${++run}.db`);
  writeFileSync(file, openDatabase(template).$client.serialize());
  return openDatabase(file);
}

/** Every row of every table: what "no change" is compared by. */
function fingerprint(db: Db): string {
  const hash = createHash("sha256");
  const tables = db.$client
    .prepare("select name from sqlite_master where type = 'table' order by name")
    .all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    hash.update(JSON.stringify(db.$client.prepare(`select * from "${name}"`).raw().all()));
  }
  return hash.digest("hex");
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
function expectCleanRefusal(error: unknown, before: string, db: Db, what: string) {
  expect(error, what).toBeInstanceOf(TRPCError);
  const { code, message } = error as TRPCError;
  expect(`${code}: ${message}`, what).not.toMatch(/^INTERNAL_SERVER_ERROR/);
  expect(fingerprint(db), `${what} was refused (${code}) but changed the database`).toBe(before);
}

describe("every procedure, any input", () => {
  it("walks every procedure of the router", () => {
    expect(procedures.length).toBeGreaterThan(40);
  });

  for (const [at, procedure] of procedures) {
    it(`${at}: no internal error, no change when refused`, async () => {
      const db = seededDb();
      const call = procedureAt(callerAs(db, { id: ownerId }), at);
      await fc.assert(
        fc.asyncProperty(procedureInput(procedure._def.inputs, known), async (input) => {
          const before = fingerprint(db);
          await call(input).catch((error: unknown) =>
            expectCleanRefusal(error, before, db, `${at}(${JSON.stringify(input)})`),
          );
        }),
        { numRuns: runsPerProcedure },
      );
      db.$client.close();
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
    const db = seededDb();
    const paths = [...procedures.map(([at]) => at), "nope", "project.update,project.create"];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.boolean(),
        fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded"),
        bodies,
        async (at, batch, contentType, body) => {
          const before = fingerprint(db);
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
          if (response.status >= 400) expect(fingerprint(db), what).toBe(before);
        },
      ),
      { numRuns: httpRuns },
    );
    db.$client.close();
  });
});
