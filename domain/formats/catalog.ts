/**
 * The formats datasets move in and out in, described for people (the import/export page, the CLI's
 * help, the README's table). Offsets are start inclusive, end exclusive everywhere.
 */
export const importFormatNames = [
  "jsonl",
  "txt",
  "csv",
  "doccano",
  "labelstudio",
  "conll",
  "brat",
  "spacy",
  "hf",
] as const;
export type ImportFormatName = (typeof importFormatNames)[number];

export const exportFormatNames = [
  "jsonl",
  "doccano",
  "labelstudio",
  "conll",
  "spacy",
  "hf",
  "brat",
  "csv",
] as const;
export type ExportFormatName = (typeof exportFormatNames)[number];

export type FormatDescription = {
  title: string;
  /** How the format counts characters, in a phrase. */
  offsets: string;
  /** File name endings a file picker offers. */
  accept: string;
  /** Holds one annotator's spans per document, so "all" must resolve to one layer a document. */
  oneLayer: boolean;
  /** Tokens rather than character offsets: spans off token boundaries cannot be written. */
  tokens: boolean;
};

export const formatCatalog: Record<ImportFormatName | ExportFormatName, FormatDescription> = {
  jsonl: {
    title: "Concord JSONL",
    offsets: "code points",
    accept: ".jsonl,.json",
    oneLayer: false,
    tokens: false,
  },
  txt: {
    title: "Plain text",
    offsets: "none (no spans)",
    accept: ".txt",
    oneLayer: false,
    tokens: false,
  },
  csv: {
    title: "CSV",
    offsets: "code points (span tables)",
    accept: ".csv",
    oneLayer: false,
    tokens: false,
  },
  doccano: {
    title: "doccano JSONL",
    offsets:
      'UTF-16 code units from doccano; code points when a record says "offsets": "code-points"',
    accept: ".jsonl,.json",
    oneLayer: true,
    tokens: false,
  },
  labelstudio: {
    title: "Label Studio JSON",
    offsets: "code points (Label Studio ≥ 1.4); UTF-16 units in older exports",
    accept: ".json",
    oneLayer: false,
    tokens: false,
  },
  conll: {
    title: "CoNLL-2003",
    offsets: "none (tokens; text rebuilt with single spaces)",
    accept: ".conll,.iob,.txt,.tsv",
    oneLayer: true,
    tokens: true,
  },
  brat: {
    title: "brat standoff",
    offsets: "code points",
    accept: ".txt,.ann",
    oneLayer: true,
    tokens: false,
  },
  spacy: {
    title: "spaCy JSONL",
    offsets: "code points (Doc.char_span)",
    accept: ".jsonl,.json",
    oneLayer: true,
    tokens: false,
  },
  hf: {
    title: "Hugging Face token classification",
    offsets: "none (tokens and integer ner_tags, names in labels.json)",
    accept: ".jsonl,.json",
    oneLayer: true,
    tokens: true,
  },
};
