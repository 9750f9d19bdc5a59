import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeDatabase, openMigratedDatabase, tablesOf } from "@/db/open-database";
import { testDatabaseUrl } from "@/db/test-support/test-database";
import { importJsonl } from "@/server/services/datasets/import-jsonl";
import { createProject } from "@/server/services/projects";
import { runCli } from "./test-support/run-cli";

const timeout = 60_000;
const text = "Kim met Lee.";
const layer = (annotator: string, label: string) => ({
  annotator,
  status: "submitted",
  spans: [{ start: 0, end: 3, label }],
});

describe("cli agreement", () => {
  it(
    "prints the relations, attributes and document labels sections, as JSON and as tables",
    async () => {
      const url = await testDatabaseUrl();
      const db = await openMigratedDatabase(url);
      const { id: projectId } = await createProject(db, { slug: "s", name: "S", labels: ["PER"] });
      await importJsonl(
        db,
        "s",
        JSON.stringify({ id: "d", text, annotations: [layer("ann", "PER"), layer("bob", "PER")] }),
      );
      const { documentLabelSets, labelAttributes, labels } = tablesOf(db);
      const [per] = await db
        .select({ id: labels.id })
        .from(labels)
        .where(and(eq(labels.projectId, projectId), eq(labels.name, "PER")));
      await db
        .insert(labelAttributes)
        .values({ labelId: per?.id ?? 0, name: "negated", kind: "boolean", position: 0 });
      await db
        .insert(documentLabelSets)
        .values({ projectId, name: "topic", multiple: true, position: 0 });
      await closeDatabase(db);

      const json = runCli(url, ["agreement", "--project", "s", "--json"], timeout);
      expect(json.status).toBe(0);
      const agreement = JSON.parse(json.stdout) as Record<string, unknown>;
      expect(agreement.relations).toEqual({
        pairs: [{ a: "ann", b: "bob", exactF1: null, relaxedF1: null, relations: 0, documents: 1 }],
        perType: [],
      });
      // Both left Kim's `negated` unset (false): one unit, one value, alpha undefined.
      expect(agreement.attributes).toEqual([
        { label: "PER", attribute: "negated", kind: "boolean", alpha: null, units: 1 },
      ]);
      expect(agreement.documentLabels).toEqual([
        {
          set: "topic",
          multiple: true,
          alpha: null,
          distance: "masi",
          units: 0,
          cohenKappa: [],
          fleissKappa: null,
          fleissUnits: 0,
        },
      ]);

      const tables = runCli(url, ["agreement", "--project", "s"], timeout);
      expect(tables.status).toBe(0);
      expect(tables.stdout).toMatch(/ann\s+bob\s+n\/a\s+n\/a\s+0\s+1/);
      expect(tables.stdout).toMatch(/PER\s+negated\s+n\/a\s+1/);
      expect(tables.stdout).toMatch(/topic \(multi, MASI\)\s+n\/a\s+0/);
    },
    timeout,
  );
});
