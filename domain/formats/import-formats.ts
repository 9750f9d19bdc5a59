import type { ImportFormatName } from "./catalog";
import type { ImportFormat } from "./read-items";
import { bratImport } from "./readers/brat";
import { conllImport } from "./readers/conll";
import { csvImport } from "./readers/csv";
import { doccanoImport } from "./readers/doccano";
import { hfImport } from "./readers/hf";
import { jsonlImport } from "./readers/jsonl";
import { labelStudioImport } from "./readers/labelstudio";
import { spacyImport } from "./readers/spacy";
import { txtImport } from "./readers/txt";

/** The reader of every format Concord imports; the catalog describes them to people. */
export const importFormats: Record<ImportFormatName, ImportFormat> = {
  jsonl: jsonlImport,
  txt: txtImport,
  csv: csvImport,
  doccano: doccanoImport,
  labelstudio: labelStudioImport,
  conll: conllImport,
  brat: bratImport,
  spacy: spacyImport,
  hf: hfImport,
};
