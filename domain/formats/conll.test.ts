import { describe, expect, it } from "vitest";
import { readFixture } from "../test-support/fixtures";
import {
  codePointSpans,
  expectInputError,
  recordWith,
  sampleRecord,
  spanOf,
  tokensCoveredBy,
} from "../test-support/format-records";
import { present } from "../test-support/lists";
import { createConllReader, readConll, writeConll } from "./conll";

describe("readConll on the shared fixtures", () => {
  it("rebuilds doccano's two-column TAB file as one document (no -DOCSTART-)", () => {
    const { documents, scheme } = readConll(readFixture("doccano_import_test_example.conll"));
    expect(scheme).toBe("iob2");
    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(document?.text).toBe("JAPAN GET\nNadim Ladki");
    expect([...(document?.text ?? "")]).toHaveLength(21);
    expect(codePointSpans(present(document))).toEqual([
      [0, 5, "LOC", "JAPAN"],
      [10, 21, "PER", "Nadim Ladki"],
    ]);
  });

  it("reads spaCy's four-column CoNLL-2003 sample with the README's spans", () => {
    const { documents, scheme } = readConll(readFixture("spacy_ner-token-per-line-conll2003.iob"));
    expect(scheme).toBe("iob2");
    expect(documents).toHaveLength(1);
    const document = present(documents[0]);
    expect([...document.text]).toHaveLength(334);
    expect(document.annotations).toEqual([
      expect.objectContaining({ annotator: "conll", status: "submitted" }),
    ]);
    expect(codePointSpans(document)).toEqual([
      [5, 20, "PERSON", "Sebastian Thrun"],
      [63, 69, "ORG", "Google"],
      [73, 77, "DATE", "2007"],
      [178, 186, "NORP", "American"],
      [279, 284, "PERSON", "Thrun"],
      [308, 314, "ORG", "Recode"],
      [315, 332, "DATE", "earlier this week"],
    ]);
    expect(document.text.split("\n")[1]?.startsWith("\u201c I can tell you")).toBe(true);
  });
});

describe("readConll", () => {
  it("detects IOB1, where I- starts an entity and B- splits two of one label", () => {
    const content = "-DOCSTART- -X- -X- O\n\nEU I-ORG\nrejects O\nGerman I-MISC\nBritish B-MISC\n";
    const { documents, scheme } = readConll(content);
    expect(scheme).toBe("iob1");
    expect(tokensCoveredBy(present(documents[0]))).toEqual([
      "ORG:EU",
      "MISC:German",
      "MISC:British",
    ]);
  });

  it("detects BILUO tags as BIOES and reads them", () => {
    const content = "New B-LOC\nYork L-LOC\nis O\nbig U-SIZE\n";
    const { documents, scheme } = readConll(content);
    expect(scheme).toBe("bioes");
    expect(tokensCoveredBy(present(documents[0]))).toEqual(["LOC:New York", "SIZE:big"]);
  });

  it("splits documents at every -DOCSTART- and skips empty ones", () => {
    const content =
      "-DOCSTART- -X- O O\n\n-DOCSTART- -X- O O\n\nA B-X\n\n-DOCSTART- -X- O O\nB O\n";
    expect(readConll(content).documents.map((document) => document.text)).toEqual(["A", "B"]);
  });

  it("streams: each -DOCSTART- hands back the document it closes", () => {
    const reader = createConllReader({ annotator: "gold" });
    expect(reader.readLine("A B-X")).toBeNull();
    const first = reader.readLine("-DOCSTART- -X- O O");
    expect(first?.record.text).toBe("A");
    expect(first?.record.annotations[0]?.annotator).toBe("gold");
    expect(reader.readLine("")).toBeNull();
    expect(reader.readLine("C O")).toBeNull();
    expect(reader.readLine("D\tB-X")).toBeNull();
    const last = reader.finish();
    expect(last?.record.text).toBe("C D");
    // Lines 4 and 5 of the input; span offsets point at the token that starts the span.
    expect(last?.line).toBe(4);
    expect(last?.lineOfSpan(2)).toBe(5);
  });

  it.each([
    { name: "a line with no tag", content: "A O\nlonely\n", line: 2, reason: /token and its tag/ },
    { name: "an unknown prefix", content: "A O\n\nB X-PER\n", line: 3, reason: /neither "O"/ },
    { name: "the reserved label O", content: "A B-O\n", line: 1, reason: /reserved/ },
  ])("reports $name with its line and the tag field", ({ content, line, reason }) => {
    const error = expectInputError(() => readConll(content), line, "tag");
    expect(error.reason).toMatch(reason);
  });
});

describe("writeConll", () => {
  it("round-trips spans through tokens (emoji, CJK and combining marks before them)", () => {
    const record = sampleRecord();
    const written = writeConll([record]);
    expect(written).toMatchObject({ unalignedSpans: 0, overlappingSpans: 0 });
    const [document] = readConll(written.content).documents;
    expect(tokensCoveredBy(present(document))).toEqual(tokensCoveredBy(record));
  });

  it("writes IOB2 by default, -DOCSTART- per document and a blank line after each sentence", () => {
    const text = "Ann met Bob Lee. He left!\nBye";
    const spans = [spanOf(text, "Ann", "PER"), spanOf(text, "Bob Lee", "PER")];
    const records = [recordWith(text, spans), recordWith(text, [])];
    expect(writeConll(records).content).toBe(
      [
        "-DOCSTART- -X- O O\n",
        "Ann _ _ B-PER\nmet _ _ O\nBob _ _ B-PER\nLee _ _ I-PER\n. _ _ O\n",
        "He _ _ O\nleft _ _ O\n! _ _ O\n",
        "Bye _ _ O\n",
        "-DOCSTART- -X- O O\n",
        "Ann _ _ O\nmet _ _ O\nBob _ _ O\nLee _ _ O\n. _ _ O\n",
        "He _ _ O\nleft _ _ O\n! _ _ O\n",
        "Bye _ _ O\n",
      ].join("\n") + "\n",
    );
  });

  it.each([
    { scheme: "iob1" as const, tags: ["I-PER", "B-PER", "O", "I-LOC", "I-LOC"] },
    { scheme: "iob2" as const, tags: ["B-PER", "B-PER", "O", "B-LOC", "I-LOC"] },
    { scheme: "bioes" as const, tags: ["S-PER", "S-PER", "O", "B-LOC", "E-LOC"] },
  ])("writes $scheme tags and reads them back", ({ scheme, tags }) => {
    const text = "Ann Bob in New York";
    const spans = ["Ann", "Bob"].map((name) => spanOf(text, name, "PER"));
    const record = recordWith(text, [...spans, spanOf(text, "New York", "LOC")]);
    const { content } = writeConll([record], { scheme });
    expect(
      content
        .split("\n")
        .filter((line) => line.includes(" _ _ "))
        .map((line) => line.split(" ")[3]),
    ).toEqual(tags);
    const read = readConll(content);
    expect(read.scheme).toBe(scheme);
    expect(read.documents[0]?.annotations[0]?.spans).toEqual(record.annotations[0]?.spans);
  });

  it("counts spans that cut a token or overlap a kept span instead of shifting them", () => {
    const text = "Annabel met Bob";
    const record = recordWith(text, [
      { start: 0, end: 4, label: "PER" }, // "Anna" inside the token "Annabel"
      spanOf(text, "met Bob", "EVENT"),
      spanOf(text, "Bob", "PER"),
    ]);
    const written = writeConll([record]);
    expect(written).toMatchObject({ unalignedSpans: 1, overlappingSpans: 1 });
    expect(tokensCoveredBy(present(readConll(written.content).documents[0]))).toEqual([
      "EVENT:met Bob",
    ]);
  });

  it("keeps a sentence whole when a span crosses its full stop", () => {
    const text = "Dr. Who came.";
    const record = recordWith(text, [spanOf(text, "Dr. Who", "PER")]);
    const [document] = readConll(writeConll([record]).content).documents;
    expect(document?.text).toBe("Dr . Who came .");
    expect(tokensCoveredBy(present(document))).toEqual(["PER:Dr . Who"]);
  });

  it("refuses labels with spaces and documents with several annotators unless one is chosen", () => {
    const spaced = recordWith("New York", [{ start: 0, end: 8, label: "BIG CITY" }]);
    expect(() => writeConll([spaced])).toThrow(/white space/);

    const twoAnnotators = sampleRecord();
    twoAnnotators.annotations.push({ annotator: "bob", status: "submitted", spans: [] });
    expect(() => writeConll([twoAnnotators])).toThrow(/alice, bob: choose one annotator/);
    const chosen = writeConll([twoAnnotators], { annotator: "bob" }).content;
    expect(chosen).not.toMatch(/B-/);
  });
});
