import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openMigratedDatabase, tablesOf, type Db } from "@/db/open-database";
import { closeAfterTests, testDatabaseUrl } from "@/db/test-support/test-database";
import { createProject } from "@/server/services/projects";
import { runCli } from "./test-support/run-cli";

const timeout = 60_000;
let folder: string;
let url: string;
let db: Db;

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "concord-datasets-cli-"));
  url = await testDatabaseUrl();
  db = closeAfterTests(await openMigratedDatabase(url));
  await createProject(db, { slug: "s", name: "S", labels: ["PER", "ORG"] });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const concord = (...args: string[]) => runCli(url, args, timeout);

function write(name: string, content: string) {
  const file = path.join(folder, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

describe("concord import and export in other formats", () => {
  it(
    "imports a brat folder, refuses a bad CoNLL file whole, and exports CoNLL, brat and HF",
    () => {
      write("brat/a.txt", "😀 Ana joined 東京 Corp.");
      write(
        "brat/a.ann",
        "T1\tPER 2 5\tAna\nT2\tORG 13 20\t東京 Corp\nR1\tWorks Arg1:T1 Arg2:T2\n",
      );
      write("brat/annotation.conf", "[entities]\nPER\nORG\n");
      const brat = concord(
        "import",
        "--project",
        "s",
        "--format",
        "brat",
        path.join(folder, "brat"),
      );
      expect(brat.stderr).toBe("");
      expect(brat.status).toBe(0);
      expect(brat.stdout).toContain("imported 1 document, 1 annotation, 2 spans into s");
      expect(brat.stdout).toContain("created relation types: Works");
      expect(brat.stdout).not.toContain("left out");

      const conll = write("bad.conll", "-DOCSTART- -X- O O\n\nBob B-PER\n\nSue B-CITY\n");
      const refused = concord("import", "--project", "s", "--format", "conll", "--strict", conll);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`${conll}: line 5, field "annotations[0].spans[1].label"`);
      expect(refused.stderr).toContain('unknown label "CITY"');
      expect(refused.stderr).toContain("nothing was imported");

      const out = path.join(folder, "out.conll");
      const exported = concord(
        "export",
        "--project",
        "s",
        "--format",
        "conll",
        "--scheme",
        "bioes",
        "--out",
        out,
      );
      expect(exported).toMatchObject({ status: 0, stdout: "" });
      expect(exported.stderr).toContain("left out: 1 relation: the format has no place for them");
      expect(readFileSync(out, "utf8")).toBe(
        "-DOCSTART- -X- O O\n\n😀 _ _ O\nAna _ _ S-PER\njoined _ _ O\n東京 _ _ B-ORG\nCorp _ _ E-ORG\n. _ _ O\n\n",
      );

      const zip = path.join(folder, "out.zip");
      expect(concord("export", "--project", "s", "--format", "brat", "--out", zip).status).toBe(0);
      const entries = unzipSync(readFileSync(zip));
      expect(Object.keys(entries)).toEqual(["a.txt", "a.ann", "annotation.conf"]);
      expect(new TextDecoder().decode(entries["a.ann"])).toBe(
        "T1\tPER 2 5\tAna\nT2\tORG 13 20\t東京 Corp\nR1\tWorks Arg1:T1 Arg2:T2\n",
      );

      const hf = path.join(folder, "hf");
      expect(concord("export", "--project", "s", "--format", "hf", "--out", hf).status).toBe(0);
      expect(JSON.parse(readFileSync(path.join(hf, "labels.json"), "utf8"))).toEqual([
        "O",
        "B-PER",
        "I-PER",
        "B-ORG",
        "I-ORG",
      ]);
      expect(JSON.parse(readFileSync(path.join(hf, "data.jsonl"), "utf8"))).toEqual({
        id: "a-0",
        tokens: ["😀", "Ana", "joined", "東京", "Corp", "."],
        ner_tags: [0, 1, 0, 3, 4, 0],
      });
    },
    timeout,
  );

  it(
    "exports only curated gold unless asked, and says on standard error what it left out",
    async () => {
      await createProject(db, { slug: "g", name: "G", labels: ["PER"] });
      const lines = ["Ana sings", "Bob hums", "Cy naps"].map((text, i) =>
        JSON.stringify({ id: `d${i}`, text, annotations: [{ annotator: "ann", spans: [] }] }),
      );
      const input = write("gold.jsonl", `${lines.join("\n")}\n`);
      expect(concord("import", "--project", "g", input).status).toBe(0);
      await addGold("d0", "curated");
      await addGold("d1", "in_progress");

      const curated = concord("export", "--project", "g", "--format", "conll", "--source", "gold");
      expect(curated.status).toBe(0);
      expect(curated.stdout).toBe("-DOCSTART- -X- O O\n\nAna _ _ B-PER\nsings _ _ O\n\n");
      expect(curated.stderr).toContain("left out 1 document with no gold");
      expect(curated.stderr).toContain(
        "left out 1 document whose gold is not curated yet (--include-uncurated exports them)",
      );

      const all = concord(
        "export",
        "--project",
        "g",
        "--format",
        "spacy",
        "--source",
        "gold",
        "--include-uncurated",
      );
      expect(
        all.stdout
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line).id),
      ).toEqual(["d0", "d1"]);
      expect(all.stderr).toBe("left out 1 document with no gold\n");

      const nobody = concord("export", "--project", "g", "--source", "annotator:bob");
      expect(nobody).toMatchObject({ status: 0, stdout: "" });
      expect(nobody.stderr).toBe("left out 3 documents bob never worked on\n");
    },
    timeout,
  );
});

/** A gold layer with "Ana"/"Bob" tagged, as curation leaves it (no CLI command writes gold). */
async function addGold(externalId: string, status: "curated" | "in_progress") {
  const { annotations, documents, labels, spans } = tablesOf(db);
  const [document] = await db
    .select({ id: documents.id, projectId: documents.projectId })
    .from(documents)
    .where(eq(documents.externalId, externalId));
  const [label] = await db
    .select({ id: labels.id })
    .from(labels)
    .where(and(eq(labels.projectId, document?.projectId ?? 0), eq(labels.name, "PER")));
  const [gold] = await db
    .insert(annotations)
    .values({ documentId: document?.id ?? 0, userId: null, status })
    .returning({ id: annotations.id });
  await db
    .insert(spans)
    .values({ annotationId: gold?.id ?? 0, start: 0, end: 3, labelId: label?.id ?? 0 });
}
