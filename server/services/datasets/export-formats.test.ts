import { describe, expect, it } from "vitest";
import { DomainError } from "@/domain/errors";
import { sampleCovered, sampleJsonl } from "../../test-support/sample-files";
import { exportTexts, freshDb, onlyFile, pythonSlice } from "../../test-support/datasets";
import { importJsonl } from "./import-jsonl";

type Ranged = { start: number; end: number };

async function seeded() {
  const db = await freshDb();
  await importJsonl(db, "p", sampleJsonl());
  return db;
}

const jsonLines = (content: string) =>
  content
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));

describe("exports count code points, so Python's text[start:end] gives each span's text", () => {
  it.each([
    {
      format: "jsonl" as const,
      spans: (content: string) =>
        jsonLines(content).flatMap((doc: { text: string; annotations: { spans: Ranged[] }[] }) =>
          doc.annotations.flatMap((a) => a.spans.map((s) => pythonSlice(doc.text, s.start, s.end))),
        ),
    },
    {
      format: "spacy" as const,
      spans: (content: string) =>
        jsonLines(content).flatMap((doc: { text: string; ents: [number, number, string][] }) =>
          doc.ents.map(([start, end]) => pythonSlice(doc.text, start, end)),
        ),
    },
    {
      format: "doccano" as const,
      spans: (content: string) =>
        jsonLines(content).flatMap((doc: { text: string; label: [number, number, string][] }) =>
          doc.label.map(([start, end]) => pythonSlice(doc.text, start, end)),
        ),
    },
    {
      format: "labelstudio" as const,
      spans: (content: string) =>
        (
          JSON.parse(content) as {
            data: { text: string };
            annotations: { result: { value: Ranged & { text: string } }[] }[];
          }[]
        ).flatMap((task) =>
          task.annotations.flatMap((a) =>
            a.result.map(({ value }) => {
              expect(value.text).toBe(pythonSlice(task.data.text, value.start, value.end));
              return value.text;
            }),
          ),
        ),
    },
  ])("$format", async ({ format, spans }) => {
    expect(spans(onlyFile((await exportTexts(await seeded(), "p", format)).files))).toEqual(
      sampleCovered,
    );
  });

  it("csv: one row per span, its text column equal to the slice", async () => {
    const content = onlyFile((await exportTexts(await seeded(), "p", "csv")).files);
    const [header, ...rows] = content.trimEnd().split("\r\n");
    expect(header).toBe("document_id,annotator,start,end,label,text");
    const texts = new Map([
      ["d1", "e\u0301 👍🏽 Ana met 李雷 in 𠮷野家, Zoë said 🇫🇷."],
      ["d2", "Mr Zoë of ACME Corp visited 東京 😀 twice"],
    ]);
    expect(
      rows.map((row) => {
        const [id = "", annotator, start, end, , text] = row.split(",");
        expect(annotator).toBe("alice");
        expect(pythonSlice(texts.get(id) ?? "", Number(start), Number(end))).toBe(text);
        return text;
      }),
    ).toEqual(sampleCovered);
  });

  it("brat: a zip of annotation.conf and a .txt and .ann per document", async () => {
    const { files, fileName } = await exportTexts(await seeded(), "p", "brat");
    expect(fileName).toBe("p-all-brat.zip");
    expect(Object.keys(files)).toEqual(["d1.txt", "d1.ann", "d2.txt", "d2.ann", "annotation.conf"]);
    expect(files["annotation.conf"]).toContain("[entities]\nPER\nORG\nLOC\n");
    const covered = ["d1", "d2"].flatMap((id) =>
      (files[`${id}.ann`] ?? "")
        .trimEnd()
        .split("\n")
        .map((line) => {
          const [, body = "", text] = line.split("\t");
          const [, start, end] = body.split(" ").map(Number);
          expect(pythonSlice(files[`${id}.txt`] ?? "", start ?? 0, end ?? 0)).toBe(text);
          return text;
        }),
    );
    expect(covered).toEqual(sampleCovered);
  });

  it("doccano in UTF-16 units on request, for doccano's own editor", async () => {
    const content = onlyFile(
      (await exportTexts(await seeded(), "p", "doccano", "all", { offsets: "utf-16" })).files,
    );
    const docs = jsonLines(content) as { text: string; label: [number, number, string][] }[];
    expect(docs.flatMap((doc) => doc.label.map(([s, e]) => doc.text.slice(s, e)))).toEqual(
      sampleCovered,
    );
    expect(docs.every((doc) => !("offsets" in doc))).toBe(true);
  });
});

describe("token formats", () => {
  const text = "Ann Lee met Bob.\nThen Ann (of ACME Inc) left! Zoëfield was there.";
  const at = (needle: string, label: string) => {
    const start = [...text.slice(0, text.indexOf(needle))].length;
    return { start, end: start + [...needle].length, label };
  };
  async function project() {
    const db = await freshDb();
    const spans = [at("Ann Lee", "PER"), at("Bob", "PER"), at("ACME Inc", "ORG"), at("Zoë", "PER")];
    await importJsonl(
      db,
      "p",
      JSON.stringify({ id: "x", text, annotations: [{ annotator: "a", spans }] }),
    );
    return db;
  }

  it("writes CoNLL in IOB2, a sentence per line break or sentence end, -DOCSTART- per document", async () => {
    const { files, summary } = await exportTexts(await project(), "p", "conll");
    const content = onlyFile(files);
    expect(content.startsWith("-DOCSTART- -X- O O\n\nAnn _ _ B-PER\nLee _ _ I-PER\n")).toBe(true);
    const sentences = content
      .split("\n\n")
      .slice(1)
      .filter((s) => s.trim() !== "");
    expect(
      sentences.map((s) =>
        s
          .split("\n")
          .map((l) => l.split(" ")[0])
          .join(" "),
      ),
    ).toEqual(["Ann Lee met Bob .", "Then Ann ( of ACME Inc ) left !", "Zoëfield was there ."]);
    // "Zoë" ends inside the token "Zoëfield": counted, and left out rather than moved.
    expect(summary).toMatchObject({ documents: 1, spans: 4, unalignedSpans: 1 });
    expect(content).not.toContain("Zoëfield _ _ B-PER");
  });

  it.each([
    ["iob1", "Ann _ _ I-PER\nLee _ _ I-PER"],
    ["bioes", "Ann _ _ B-PER\nLee _ _ E-PER"],
  ] as const)("writes CoNLL in %s on request", async (scheme, expected) => {
    expect(
      onlyFile((await exportTexts(await project(), "p", "conll", "all", { scheme })).files),
    ).toContain(expected);
  });

  it("writes Hugging Face data.jsonl with integer tags named by labels.json, in the project's label order", async () => {
    const { files, summary } = await exportTexts(await project(), "p", "hf");
    const names = JSON.parse(files["labels.json"] ?? "") as string[];
    expect(names).toEqual(["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]);
    const [first] = jsonLines(files["data.jsonl"] ?? "") as {
      id: string;
      tokens: string[];
      ner_tags: number[];
    }[];
    expect(first?.id).toBe("x-0");
    expect(first?.tokens).toEqual(["Ann", "Lee", "met", "Bob", "."]);
    expect(first?.ner_tags.map((tag) => names[tag])).toEqual(["B-PER", "I-PER", "O", "B-PER", "O"]);
    expect(summary.unalignedSpans).toBe(1);
  });
});

describe("sources and layers", () => {
  async function twoAnnotators() {
    const db = await freshDb();
    await importJsonl(
      db,
      "p",
      JSON.stringify({
        id: "x",
        text: "Ann met Bob",
        annotations: [
          { annotator: "alice", spans: [{ start: 0, end: 3, label: "PER" }] },
          { annotator: "bob", spans: [{ start: 8, end: 11, label: "PER" }] },
        ],
      }),
    );
    return db;
  }

  it("refuses all annotators for a one-layer format before writing anything, naming the document", async () => {
    for (const format of ["conll", "doccano", "spacy", "hf", "brat"] as const) {
      let error: unknown;
      try {
        await exportTexts(await twoAnnotators(), "p", format);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).message).toMatch(/document x has spans by alice, bob/);
    }
  });

  it("exports one annotator's layer, and every layer where the format holds several", async () => {
    const spacy = jsonLines(
      onlyFile((await exportTexts(await twoAnnotators(), "p", "spacy", "annotator:bob")).files),
    );
    expect(spacy[0].ents).toEqual([[8, 11, "PER"]]);
    const csv = onlyFile((await exportTexts(await twoAnnotators(), "p", "csv")).files);
    expect(csv).toContain("x,alice,0,3,PER,Ann\r\nx,bob,8,11,PER,Bob\r\n");
  });
});
