// Test support: the same two documents in every importable format, with
// emoji (astral, with a skin-tone modifier and a flag), CJK (an astral ideograph too) and a
// combining accent before the spans, each format counting characters its own way.
import { hfTagNames } from "@/domain/formats/hf";
import { tokenize } from "@/domain/tokenize";
import { codePoints } from "@/domain/test-support/format-records";

type SampleSpan = { needle: string; label: string; occurrence?: number };
type SampleDocument = { id: string; text: string; spans: SampleSpan[] };

export const sampleDocuments: SampleDocument[] = [
  {
    id: "d1",
    text: "e\u0301 👍🏽 Ana met 李雷 in 𠮷野家, Zoë said 🇫🇷.",
    spans: [
      { needle: "Ana", label: "PER" },
      { needle: "李雷", label: "PER" },
      { needle: "𠮷野家", label: "LOC" },
      { needle: "Zoë", label: "PER" },
      { needle: "🇫🇷", label: "LOC" },
    ],
  },
  {
    id: "d2",
    text: "Mr Zoë of ACME Corp visited 東京 😀 twice",
    spans: [
      { needle: "Zoë", label: "PER" },
      { needle: "ACME Corp", label: "ORG" },
      { needle: "東京", label: "LOC" },
    ],
  },
];

/** What the spans cover, in document order. */
export const sampleCovered = sampleDocuments.flatMap((document) =>
  document.spans.map((span) => span.needle),
);

const located = (document: SampleDocument) =>
  document.spans.map((span) => ({
    ...span,
    ...codePoints(document.text, span.needle, span.occurrence),
  }));

const lines = (values: unknown[]) => values.map((value) => `${JSON.stringify(value)}\n`).join("");

export function sampleJsonl() {
  return lines(
    sampleDocuments.map((document) => ({
      id: document.id,
      text: document.text,
      annotations: [
        {
          annotator: "alice",
          spans: located(document).map(({ start, end, label }) => ({ start, end, label })),
        },
      ],
    })),
  );
}

/** doccano counts UTF-16 code units. */
export function sampleDoccano() {
  return lines(
    sampleDocuments.map((document) => ({
      id: document.id,
      text: document.text,
      label: located(document).map((span) => [span.utf16Start, span.utf16End, span.label]),
    })),
  );
}

export function sampleLabelStudio() {
  const tasks = sampleDocuments.map((document, i) => ({
    id: i + 1,
    data: { id: document.id, text: document.text },
    annotations: [
      {
        completed_by: { email: "alice@example.org" },
        result: located(document).map((span, r) => ({
          id: `r${r}`,
          from_name: "label",
          to_name: "text",
          type: "labels",
          value: { start: span.start, end: span.end, text: span.needle, labels: [span.label] },
        })),
      },
    ],
  }));
  return JSON.stringify(tasks, null, 2);
}

export function sampleSpacy() {
  return lines(
    sampleDocuments.map((document) => ({
      id: document.id,
      text: document.text,
      ents: located(document).map((span) => [span.start, span.end, span.label]),
    })),
  );
}

/** Tokens and IOB2 tags of a document, its spans on token boundaries. */
function tagged(document: SampleDocument) {
  const tokens = tokenize(document.text);
  const tags = tokens.map(() => "O");
  for (const span of located(document)) {
    tokens.forEach((token, t) => {
      if (token.start >= span.utf16Start && token.end <= span.utf16End) {
        tags[t] = `${token.start === span.utf16Start ? "B" : "I"}-${span.label}`;
      }
    });
  }
  return tokens.map((token, t) => ({ token: token.text, tag: tags[t] as string }));
}

export function sampleConll() {
  return sampleDocuments
    .map(
      (document) =>
        `-DOCSTART- -X- O O\n\n${tagged(document)
          .map(({ token, tag }) => `${token} _ _ ${tag}\n`)
          .join("")}\n`,
    )
    .join("");
}

export function sampleHf() {
  const names = hfTagNames(["PER", "ORG", "LOC"]);
  return {
    "labels.json": JSON.stringify(names),
    "train.jsonl": lines(
      sampleDocuments.map((document) => {
        const rows = tagged(document);
        return {
          id: document.id,
          tokens: rows.map((row) => row.token),
          ner_tags: rows.map((row) => names.indexOf(row.tag)),
        };
      }),
    ),
  };
}

/** A relation, an attribute and a note beside the entities: reported, not imported. */
export function sampleBrat() {
  return Object.fromEntries(
    sampleDocuments.flatMap((document) => {
      const entities = located(document).map(
        (span, i) => `T${i + 1}\t${span.label} ${span.start} ${span.end}\t${span.needle}\n`,
      );
      const extra = "R1\tKnows Arg1:T1 Arg2:T2\nA1\tNegated T1\n#1\tAnnotatorNotes T1\tchecked\n";
      return [
        [`${document.id}.txt`, document.text],
        [`${document.id}.ann`, entities.join("") + extra],
      ];
    }),
  );
}

export function sampleCsv() {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const documents = sampleDocuments.map((d) => `${d.id},${quote(d.text)},chat\r\n`).join("");
  const spans = sampleDocuments
    .flatMap((document) =>
      located(document).map(
        (span) =>
          `${document.id},alice,${span.start},${span.end},${span.label},${quote(span.needle)}\r\n`,
      ),
    )
    .join("");
  return {
    "documents.csv": `id,text,source\r\n${documents}`,
    "spans.csv": `document_id,annotator,start,end,label,text\r\n${spans}`,
  };
}
